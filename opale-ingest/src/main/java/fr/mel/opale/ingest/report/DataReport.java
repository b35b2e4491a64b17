package fr.mel.opale.ingest.report;

import fr.mel.opale.ingest.Analysis;
import fr.mel.opale.ingest.ColumnPlan;
import fr.mel.opale.ingest.ColumnProfile;
import fr.mel.opale.ingest.ReadPlan;
import fr.mel.opale.ingest.ReadSummary;
import fr.mel.opale.ingest.ReadWarning;
import fr.mel.opale.ingest.schema.SchemaError;
import fr.mel.opale.ingest.schema.SchemaValidationResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The data-quality report of one import: what a producer and a re-user should know about the
 * rows before trusting them. Stored with the version it describes, served by {@code GET /api/datasets/{id}/report}
 * and shown on the record page.
 *
 * @param rows               rows published (a row-ruled reader's: theirs only)
 * @param columns            per published column: type, empty cells, distinct values, values that did not fit
 * @param typeConflicts      cells whose text did not fit their column's type (stored empty) plus columns demoted
 *                           to text by a late misfit
 * @param duplicateRows      rows equal (values and geometry, 64-bit hash) to an earlier row
 * @param geographic         whether rows carry geometries
 * @param geometries         rows with a geometry
 * @param missingGeometries  rows whose geometry source was empty
 * @param invalidGeometries  geometries that could not be read or repaired (row kept without geometry)
 * @param repairedGeometries invalid geometries repaired safely
 * @param warnings           what the reading noticed (encoding guessed, ragged rows, NUL bytes...)
 * @param schema             the TableSchema validation, null when no schema is attached
 *                           <p>The counters over every row ({@code typeConflicts}, {@code duplicateRows}, the
 *                           geometry counts, a column's {@code nulls} and {@code distinct}) are null in the view of a
 *                           reader a row rule limits: they would tell about rows that reader may not see.
 */
public record DataReport(Instant created, String format, @Nullable String encoding, long rows,
                         List<ColumnReport> columns, @Nullable Long typeConflicts, @Nullable Long duplicateRows,
                         boolean geographic, @Nullable Long geometries, @Nullable Long missingGeometries,
                         @Nullable Long invalidGeometries, @Nullable Long repairedGeometries,
                         @Nullable String sourceCrs, List<ReadWarning> warnings, @Nullable SchemaSummary schema) {
    public DataReport {
        columns = List.copyOf(columns);
        warnings = List.copyOf(warnings);
    }

    /**
     * One column.
     *
     * @param distinctExact whether {@code distinct} is exact (estimated beyond 1000 distinct values)
     */
    public record ColumnReport(String name, String title, String type, @Nullable Long nulls, @Nullable Long distinct,
                               boolean distinctExact, @Nullable Double min, @Nullable Double max,
                               List<String> samples) {
        public ColumnReport {
            samples = List.copyOf(samples);
        }
    }

    /** The TableSchema part: whether the table conforms, errors per code, the first errors in detail. */
    public record SchemaSummary(@Nullable String title, @Nullable String source, boolean valid, long errorCount,
                                Map<String, Long> counts, List<SchemaError> errors, String onError) {
        public SchemaSummary {
            counts = Map.copyOf(counts);
            errors = List.copyOf(errors);
        }

        public static SchemaSummary of(@Nullable String title, @Nullable String source, SchemaValidationResult r,
                                       String onError) {
            return new SchemaSummary(title, source, r.valid(), r.errorCount(), new LinkedHashMap<>(r.counts()),
                    r.errors().size() > 100 ? r.errors().subList(0, 100) : r.errors(), onError);
        }
    }

    /** Builds the report of a finished read pass. */
    public static DataReport of(Instant created, Analysis analysis, ReadPlan plan, ReadSummary summary,
                                long duplicateRows, @Nullable SchemaSummary schema) {
        List<ColumnReport> columns = new ArrayList<>();
        for (ColumnPlan column : plan.outputColumns()) {
            ColumnProfile profile = analysis.columns().stream().filter(p -> p.label().equals(column.label()))
                    .findFirst().orElse(null);
            columns.add(profile == null
                    ? new ColumnReport(column.name(), column.label(), column.type().name(), 0L, 0L, false, null, null,
                    List.of())
                    : new ColumnReport(column.name(), column.label(), column.type().name(), profile.nulls(),
                    profile.distinct(), profile.distinctExact(), profile.min(), profile.max(),
                    profile.samples().size() > 5 ? profile.samples().subList(0, 5) : profile.samples()));
        }
        List<ReadWarning> warnings = new ArrayList<>(analysis.warnings());
        for (ReadWarning w : summary.warnings()) {
            if (!warnings.contains(w)) {
                warnings.add(w);
            }
        }
        long demoted = warnings.stream().filter(w -> w.code().equals("type-demoted")).count();
        Integer srid = plan.geometry() == null ? null : plan.geometry().srid();
        return new DataReport(created, plan.settings().format(), plan.settings().encoding(), summary.rows(), columns,
                summary.rejectedValues() + demoted, duplicateRows, plan.geometry() != null, summary.geometries(),
                summary.missingGeometries(), summary.rejectedGeometries(), summary.repairedGeometries(),
                srid == null ? null : "EPSG:" + srid, warnings.size() > 200 ? warnings.subList(0, 200) : warnings,
                schema);
    }
}
