package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.CatalogRecord;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code length}: the field is present and each of its values has between {@code min} and {@code max} characters
 * (Unicode code points, after trimming), either bound optional. An absent field misses the check.
 */
public record TextLength(RecordField field, @Nullable Integer min, @Nullable Integer max) implements Check {
    @Override
    public boolean test(CatalogRecord record, LocalDate today) {
        List<String> values = field.values(record);
        return !values.isEmpty() && values.stream().allMatch(this::fits);
    }

    private boolean fits(String value) {
        String text = value.strip();
        int length = text.codePointCount(0, text.length());
        return (min == null || length >= min) && (max == null || length <= max);
    }
}
