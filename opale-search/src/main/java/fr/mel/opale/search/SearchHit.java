package fr.mel.opale.search;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One record in a result list: what a result card shows, read from the index (no database access).
 *
 * @param excerpt      the beginning of the description as plain text (Markdown removed), about 300 characters
 * @param organisation publisher, else first resource contact organisation; null when none
 * @param categories   the record's own usage categories (not their ancestors), labelled in the query language
 * @param keywords     keyword labels, each also a {@code keyword} facet value
 * @param formats      normalised formats ({@code format} facet values) with their labels
 * @param qualityScore 0–100, null while unknown
 * @param qualityBand  lower-case band name, null while unknown
 * @param owner        the owner organisation's slug (its page is {@code /organisations/{owner}}); null when none
 */
public record SearchHit(String id, String title, String kind, String excerpt, @Nullable String organisation,
                        List<Labelled> categories, List<String> keywords, List<Labelled> formats, Instant modified,
                        @Nullable Integer qualityScore, @Nullable String qualityBand, @Nullable String owner) {
    /** A value with its label (a usage category URI and its name, for instance). */
    public record Labelled(String value, String label) {
    }
}
