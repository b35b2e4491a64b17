/**
 * The public organisation pages: {@code /organisations} (every organisation with what the viewer may see of it) and
 * {@code /organisations/{slug}} (its presentation and its records, searched with the catalogue's facets). Every
 * figure comes from the search under the viewer's access scope, so a record the viewer may not read is neither
 * listed nor counted nor averaged.
 */
@NullMarked
package fr.mel.opale.web.organisation;

import org.jspecify.annotations.NullMarked;
