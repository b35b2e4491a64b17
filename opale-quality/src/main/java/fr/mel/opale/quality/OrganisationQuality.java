package fr.mel.opale.quality;

import fr.mel.opale.catalog.model.LocalizedText;
import java.util.List;
import java.util.Map;

/**
 * The quality of one organisation's records, as the viewer sees them (only records the viewer may read count).
 *
 * @param name         the publisher's name, or null for records without a publisher
 * @param slug         stable URL segment ({@code metropole-europeenne-de-lille}; {@value #NO_ORGANISATION} for none)
 * @param averageScore rounded mean of the scores
 * @param distribution number of records per band, every band present (0 when empty), in band order
 * @param lowest       up to 10 records, lowest score first (ties by id)
 * @param mostMissed   the criteria missed at least once, most missed first (ties by rule order)
 */
public record OrganisationQuality(@org.jspecify.annotations.Nullable String name, String slug, int records,
                                  int averageScore, Map<QualityBand, Integer> distribution,
                                  List<RecordScore> lowest, List<MissedCriterion> mostMissed) {
    public static final String NO_ORGANISATION = "sans-organisation";

    /** One record in a ranking; {@code title} in the record's languages (empty: the id stands in). */
    public record RecordScore(String id, LocalizedText title, int score, QualityBand band) {
        /** The title in {@code language}, else in the record's language, else the id. */
        public String title(String language) {
            String text = title.in(language);
            return text == null ? id : text;
        }
    }

    /** A criterion and how many of the organisation's records miss it. */
    public record MissedCriterion(String id, Bilingual label, Bilingual hint, int count) {
    }
}
