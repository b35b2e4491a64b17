package fr.mel.opale.search;

import org.jspecify.annotations.Nullable;

/**
 * What one owner organisation shows a viewer: how many of its records the viewer may read, and their mean metadata
 * quality score. Counted under the viewer's access scope, like every search figure, so a hidden record changes
 * neither number.
 *
 * @param records      the visible records the organisation owns
 * @param averageScore rounded mean of their quality scores (records not scored yet left out); null when none is
 *                     scored
 */
public record OwnerFigures(long records, @Nullable Integer averageScore) {
}
