package fr.mel.opale.web.catalogue;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A record as a card in a list: enough to recognise and open it, and a link per usage category, keyword,
 * organisation and format that starts a search filtered on it. All texts are plain (escaped by the template).
 *
 * @param modified      ISO date for {@code <time datetime>}
 * @param modifiedLabel the same date written for people ("28 novembre 2026")
 * @param quality       the metadata quality score (0–100), null when the record's kind is not scored
 * @param organisation  null when the record names none
 * @param owner         the organisation that owns the record, with a link to its page; null when unknown
 * @param moreKeywords  how many keywords are not shown (a card shows the first {@value RecordCards#KEYWORDS_SHOWN})
 */
public record RecordCard(String id, String url, String title, String kind, String excerpt, String modified,
                         String modifiedLabel, @Nullable Integer quality, @Nullable FilterLink organisation,
                         List<FilterLink> categories, List<FilterLink> keywords, int moreKeywords,
                         List<FilterLink> formats, @Nullable OrganisationLink owner) {

    /** A value shown as a link to the catalogue filtered on it. */
    public record FilterLink(String label, String url) {
    }
}
