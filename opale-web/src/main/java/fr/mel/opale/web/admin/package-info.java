/** The administration console ({@code /admin/**}), for platform administrators: today the thesauri. */
@NullMarked
package fr.mel.opale.web.admin;

import org.jspecify.annotations.NullMarked;
