/** The thesauri over HTTP: {@code /api/thesauri} and {@code /api/records/{id}/categories}. */
@NullMarked
package fr.mel.opale.thesaurus.api;

import org.jspecify.annotations.NullMarked;
