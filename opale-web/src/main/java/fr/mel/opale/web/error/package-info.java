/** HTML error pages for browsers; the API keeps its problem+json answers. */
@NullMarked
package fr.mel.opale.web.error;

import org.jspecify.annotations.NullMarked;
