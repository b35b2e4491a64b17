package fr.mel.opale.web.catalogue;

import org.jspecify.annotations.Nullable;

/**
 * A record as a card in a list: enough to recognise and open it. All texts are plain (escaped by the template).
 *
 * @param titleLang   language of the title when it differs from the page's ({@code lang} attribute), else null
 * @param excerptLang the same for the excerpt
 * @param modified  ISO date for {@code <time datetime>}
 * @param modifiedLabel the same date written for people ("28 novembre 2026")
 * @param quality   the metadata quality score (0–100), null when the record's kind is not scored
 */
public record RecordCard(String id, String url, String title, @Nullable String titleLang, String kind,
                         String excerpt, @Nullable String excerptLang, String modified, String modifiedLabel,
                         @Nullable Integer quality) {
}
