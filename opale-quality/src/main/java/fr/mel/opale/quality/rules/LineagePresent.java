package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.CatalogRecord;
import java.time.LocalDate;

/** {@code lineage}: the record tells where its data comes from, in at least {@code minLength} characters. */
public record LineagePresent(int minLength) implements Check {
    @Override
    public boolean test(CatalogRecord record, LocalDate today) {
        String lineage = record.lineage().text();
        return lineage != null && lineage.strip().codePointCount(0, lineage.strip().length()) >= Math.max(1, minLength);
    }
}
