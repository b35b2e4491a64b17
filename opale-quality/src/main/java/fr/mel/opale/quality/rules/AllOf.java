package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.CatalogRecord;
import java.time.LocalDate;
import java.util.List;

/** {@code allOf}: every nested check is met. */
public record AllOf(List<Check> checks) implements Check {
    public AllOf {
        checks = List.copyOf(checks);
    }

    @Override
    public boolean test(CatalogRecord record, LocalDate today) {
        return checks.stream().allMatch(c -> c.test(record, today));
    }
}
