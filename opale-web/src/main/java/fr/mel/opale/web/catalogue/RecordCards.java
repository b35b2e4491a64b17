package fr.mel.opale.web.catalogue;

import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.web.layout.PageContext;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Turns stored records into {@link RecordCard}s for the home page and the catalogue list. */
@Component
public class RecordCards {
    static final int EXCERPT_LENGTH = 220;

    private final IsoCodeLabels labels;
    private final MarkdownText markdown;
    private final QualityViews quality;

    RecordCards(IsoCodeLabels labels, MarkdownText markdown, QualityViews quality) {
        this.labels = labels;
        this.markdown = markdown;
        this.quality = quality;
    }

    public RecordCard card(StoredRecord stored, PageContext page) {
        CatalogRecord record = stored.record();
        String lang = page.lang();
        Locale locale = page.locale();
        return new RecordCard(record.id(), RecordPaths.record(record.id()), titleOf(record, lang),
                otherLanguage(record.title(), lang), labels.kind(record.kind(), locale),
                markdown.excerpt(record.description().in(lang), EXCERPT_LENGTH), otherLanguage(record.description(), lang),
                stored.modified().atZone(PageContext.ZONE).toLocalDate().toString(), page.date(stored.modified()),
                quality.score(record.id()));
    }

    /** The title in {@code lang}, else in the record's language, else its identifier (a title is never blank). */
    static String titleOf(CatalogRecord record, String lang) {
        String title = record.title().in(lang);
        return title == null ? record.id() : title;
    }

    /** The language {@code text} is actually shown in when it is not the page's language; null when it is. */
    static @Nullable String otherLanguage(LocalizedText text, String lang) {
        if (text.isEmpty() || text.values().containsKey(lang)) {
            return null;
        }
        return text.values().keySet().iterator().next();
    }
}
