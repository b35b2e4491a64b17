package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.CatalogRecord;
import java.time.LocalDate;

/**
 * {@code spatialExtent}: the record says where its data lies — a bounding box or geometry, or (unless
 * {@code requireBox}) at least a place name.
 */
public record SpatialExtentPresent(boolean requireBox) implements Check {
    @Override
    public boolean test(CatalogRecord record, LocalDate today) {
        return requireBox ? record.isGeographic() : !record.spatialExtent().isEmpty();
    }
}
