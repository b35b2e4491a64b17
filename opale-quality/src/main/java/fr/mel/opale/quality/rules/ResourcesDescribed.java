package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.CatalogRecord;
import java.time.LocalDate;

/**
 * {@code resourcesDescribed}: the record has links and every one of them carries a description (udata's
 * "resources documentation"): a re-user knows what each file or service is before opening it.
 */
public record ResourcesDescribed() implements Check {
    @Override
    public boolean test(CatalogRecord record, LocalDate today) {
        return !record.onlineResources().isEmpty()
                && record.onlineResources().stream().allMatch(r -> r.description() != null);
    }
}
