package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.ThesaurusCitation;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * {@code thesaurusKeyword}: at least {@code min} keywords come from one of the given thesauri. A keyword counts when
 * its thesaurus citation has one of the {@code uris} (ignoring a trailing slash and case) or one of the
 * {@code titles} (ignoring case, accents and the kind of apostrophe), or when its own concept URI lies under one of
 * the {@code uris}. Works from the record alone, not from the thesaurus module: a record harvested with a keyword
 * of a thesaurus Opale does not hold still counts.
 */
public record ThesaurusKeyword(List<String> uris, List<String> titles, int min) implements Check {
    public ThesaurusKeyword {
        uris = uris.stream().map(ThesaurusKeyword::uri).toList();
        titles = titles.stream().map(ThesaurusKeyword::title).toList();
    }

    @Override
    public boolean test(CatalogRecord record, LocalDate today) {
        return record.keywords().stream().filter(this::fromListedThesaurus).count() >= min;
    }

    private boolean fromListedThesaurus(Keyword keyword) {
        if (keyword.label().isEmpty()) {
            return false;
        }
        ThesaurusCitation thesaurus = keyword.thesaurus();
        if (thesaurus != null && (thesaurus.uri() != null && uris.contains(uri(thesaurus.uri()))
                || thesaurus.title() != null && titles.contains(title(thesaurus.title())))) {
            return true;
        }
        String concept = keyword.uri() == null ? null : uri(keyword.uri());
        return concept != null && uris.stream().anyMatch(u -> concept.startsWith(u + "/"));
    }

    private static String uri(String uri) {
        String stripped = uri.strip().toLowerCase(Locale.ROOT);
        return stripped.endsWith("/") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    static String title(String title) {
        String decomposed = Normalizer.normalize(title.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replace('’', '\'').replaceAll("\\s+", " ");
    }
}
