package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.CatalogRecord;
import java.time.LocalDate;
import java.util.List;

/** {@code anyOf}: at least one of the nested checks is met. */
public record AnyOf(List<Check> checks) implements Check {
    public AnyOf {
        checks = List.copyOf(checks);
    }

    @Override
    public boolean test(CatalogRecord record, LocalDate today) {
        return checks.stream().anyMatch(c -> c.test(record, today));
    }
}
