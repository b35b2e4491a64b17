package fr.mel.opale.catalog.model;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The thesaurus a keyword was taken from: its title, its URI (from an anchor or identifier) and edition date. */
public record ThesaurusCitation(@Nullable String title, @Nullable String uri, @Nullable LocalDate date) {
    public ThesaurusCitation {
        title = Strings.trimToNull(title);
        uri = Strings.trimToNull(uri);
    }
}
