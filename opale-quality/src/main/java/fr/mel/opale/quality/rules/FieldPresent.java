package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.CatalogRecord;
import java.time.LocalDate;

/** {@code present}: the field has at least one non-blank value. */
public record FieldPresent(RecordField field) implements Check {
    @Override
    public boolean test(CatalogRecord record, LocalDate today) {
        return !field.values(record).isEmpty();
    }
}
