/** The HTTP API of the access module: {@code /api/tokens}, personal API tokens. */
@NullMarked
package fr.mel.opale.access.api;

import org.jspecify.annotations.NullMarked;
