package fr.mel.opale.catalog.model;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Normalisation shared by the model's compact constructors: blank means absent, null lists mean empty. */
final class Strings {
    private Strings() {
    }

    static @Nullable String trimToNull(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    static <T> List<T> list(@Nullable List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    static List<String> texts(@Nullable List<String> values) {
        return values == null ? List.of()
                : values.stream().map(Strings::trimToNull).filter(Objects::nonNull).distinct().toList();
    }
}
