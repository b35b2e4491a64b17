package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.CatalogRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * {@code inList}: at least one value of the field equals one of {@code values} (ignoring case and surrounding
 * spaces) or contains a match of one of {@code patterns} (Java regular expressions, case-insensitive). Built for
 * lists such as the open licences, named by URI or by label.
 */
public record ValueInList(RecordField field, List<String> values, List<Pattern> patterns) implements Check {
    public ValueInList {
        values = values.stream().map(v -> v.strip().toLowerCase(Locale.ROOT)).toList();
        patterns = List.copyOf(patterns);
    }

    @Override
    public boolean test(CatalogRecord record, LocalDate today) {
        return field.values(record).stream().anyMatch(this::matches);
    }

    boolean matches(String value) {
        String normalised = value.strip().toLowerCase(Locale.ROOT);
        return values.contains(normalised) || patterns.stream().anyMatch(p -> p.matcher(value).find());
    }
}
