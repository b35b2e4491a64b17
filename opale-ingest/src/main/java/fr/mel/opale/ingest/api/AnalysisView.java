package fr.mel.opale.ingest.api;

import fr.mel.opale.ingest.Analysis;
import fr.mel.opale.ingest.ColumnPlan;
import fr.mel.opale.ingest.ColumnProfile;
import fr.mel.opale.ingest.GeometryPlan;
import fr.mel.opale.ingest.ReadWarning;
import fr.mel.opale.ingest.SourceSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The dry run's answer ({@code POST /api/ingest?dryRun=true}): the detected settings, each column (label, safe
 * name, type, nulls, distinct values, samples; {@code skip} for the ones a geometry consumed), the geometry guess
 * and the warnings — what the producer may then override in {@code options}.
 */
public record AnalysisView(String format, @Nullable String encoding, @Nullable String delimiter,
                           @Nullable String quote, @Nullable Boolean header, @Nullable String decimalSeparator,
                           @Nullable String layer, List<String> layers, @Nullable String sourceCrs, long rows,
                           List<ColumnView> columns, @Nullable GeometryView geometry, List<ReadWarning> warnings) {
    public record ColumnView(String label, String name, String type, boolean skip, long nulls, long distinct,
                             boolean distinctExact, List<String> samples, @Nullable Double min, @Nullable Double max,
                             @Nullable String format) {
    }

    /** @param columns the labels of the source columns ({@code xy}: X then Y) */
    public record GeometryView(String kind, List<String> columns, String crs) {
    }

    public static AnalysisView of(Analysis analysis) {
        SourceSettings s = analysis.plan().settings();
        List<ColumnView> columns = new ArrayList<>();
        List<ColumnPlan> plans = analysis.plan().columns();
        for (int i = 0; i < plans.size(); i++) {
            ColumnPlan c = plans.get(i);
            ColumnProfile p = i < analysis.columns().size() ? analysis.columns().get(i) : null;
            columns.add(new ColumnView(c.label(), c.name(), c.type().name().toLowerCase(Locale.ROOT), c.skip(),
                    p == null ? 0 : p.nulls(), p == null ? 0 : p.distinct(), p != null && p.distinctExact(),
                    p == null ? List.of() : p.samples(), p == null ? null : p.min(), p == null ? null : p.max(),
                    c.format()));
        }
        GeometryPlan g = analysis.plan().geometry();
        GeometryView geometry = null;
        if (g != null) {
            List<String> labels = new ArrayList<>();
            for (int source : g.columns()) {
                plans.stream().filter(c -> c.source() == source).findFirst().ifPresent(c -> labels.add(c.label()));
            }
            geometry = new GeometryView(g.kind().name().toLowerCase(Locale.ROOT), labels, "EPSG:" + g.srid());
        }
        return new AnalysisView(s.format(), s.encoding(), text(s.delimiter()), text(s.quote()), s.header(),
                text(s.decimalSeparator()), s.layer(), s.layers(),
                s.sourceSrid() == null ? null : "EPSG:" + s.sourceSrid(), analysis.rows(), columns, geometry,
                analysis.warnings());
    }

    private static @Nullable String text(@Nullable Character c) {
        return c == null ? null : c == '\t' ? "\\t" : c.toString();
    }
}
