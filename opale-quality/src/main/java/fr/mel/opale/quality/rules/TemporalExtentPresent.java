package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.CatalogRecord;
import java.time.LocalDate;

/** {@code temporalExtent}: the record states the period its data covers (a start, an end, or both). */
public record TemporalExtentPresent() implements Check {
    @Override
    public boolean test(CatalogRecord record, LocalDate today) {
        return record.temporalExtent() != null
                && (record.temporalExtent().start() != null || record.temporalExtent().end() != null);
    }
}
