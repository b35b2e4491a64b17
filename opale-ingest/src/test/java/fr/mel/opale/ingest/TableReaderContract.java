package fr.mel.opale.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mel.opale.geo.crs.Crs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link TableReader} must do, whatever its format: each implementation's test extends this with a
 * sample file of its format. The registry must choose the reader; the analysis must count the rows the read pass
 * delivers; rows must match the plan's columns and types, carry WGS84 geometries, be the same on a second read,
 * stop when cancelled.
 */
abstract class TableReaderContract {
    @TempDir
    Path dir;

    /** A sample file of the format, with at least a few rows. */
    abstract SourceFile sample(Path dir) throws IOException;

    abstract String format();

    private final TableReaders readers = TableReaders.standard();

    private List<Row> readAll(SourceFile file, ReadPlan plan) {
        List<Row> rows = new ArrayList<>();
        try (RowStream stream = readers.open(file, plan, Limits.DEFAULT, ReadListener.NONE)) {
            assertThat(stream.columns()).isEqualTo(plan.outputColumns());
            for (Row row = stream.next(); row != null; row = stream.next()) {
                rows.add(row);
            }
            assertThat(stream.summary().rows()).isEqualTo(rows.size());
        }
        return rows;
    }

    @Test
    void theRegistryChoosesThisReaderByContent() throws IOException {
        SourceFile file = sample(dir);
        assertThat(readers.readerFor(file).format()).isEqualTo(format());
        SourceFile renamed = new SourceFile(file.path(), "sans-extension");
        assertThat(readers.readerFor(renamed).format()).isEqualTo(format());
    }

    @Test
    void theAnalysisCountsTheRowsTheReadDeliversTypedAsPlanned() throws IOException {
        SourceFile file = sample(dir);
        Analysis analysis = readers.analyse(file, ReadOptions.DEFAULT, ReadListener.NONE);
        assertThat(analysis.plan().settings().format()).isEqualTo(format());
        assertThat(analysis.columns()).hasSameSizeAs(analysis.plan().columns());
        List<Row> rows = readAll(file, analysis.plan());
        assertThat(rows).hasSize((int) analysis.rows()).isNotEmpty();
        List<ColumnPlan> columns = analysis.plan().outputColumns();
        for (Row row : rows) {
            assertThat(row.values()).hasSize(columns.size());
            for (int i = 0; i < columns.size(); i++) {
                Object v = row.values()[i];
                if (v != null) {
                    assertThat(v).isInstanceOf(switch (columns.get(i).type()) {
                        case BOOLEAN -> Boolean.class;
                        case INTEGER -> Long.class;
                        case DECIMAL -> java.math.BigDecimal.class;
                        case DATE -> java.time.LocalDate.class;
                        case TIMESTAMP -> java.time.OffsetDateTime.class;
                        case TEXT -> String.class;
                    });
                    if (v instanceof java.math.BigDecimal d) {
                        // Exact and canonical: no trailing zero after the point, never an exponent.
                        assertThat(d.scale()).as("%s", d).isGreaterThanOrEqualTo(0);
                        assertThat(d.scale() == 0 || d.unscaledValue().mod(java.math.BigInteger.TEN).signum() != 0)
                                .as("%s", d).isTrue();
                    }
                }
            }
            if (row.geometry() != null) {
                assertThat(row.geometry().getSRID()).isEqualTo(Crs.WGS84);
                assertThat(row.geometry().getEnvelopeInternal().getMaxY()).isLessThanOrEqualTo(90);
            }
        }
        assertThat(rows.get(0).number()).isEqualTo(1);
    }

    @Test
    void aSecondReadGivesTheSameRows() throws IOException {
        SourceFile file = sample(dir);
        ReadPlan plan = readers.analyse(file, ReadOptions.DEFAULT, ReadListener.NONE).plan();
        List<Row> first = readAll(file, plan);
        List<Row> second = readAll(file, plan);
        for (int i = 0; i < first.size(); i++) {
            assertThat(Arrays.equals(first.get(i).values(), second.get(i).values())).isTrue();
            assertThat(String.valueOf(first.get(i).geometry())).isEqualTo(String.valueOf(second.get(i).geometry()));
        }
    }

    @Test
    void readingStopsWhenCancelled() throws IOException {
        SourceFile file = sample(dir);
        ReadPlan plan = readers.analyse(file, ReadOptions.DEFAULT, ReadListener.NONE).plan();
        ReadListener cancelled = new ReadListener() {
            @Override
            public boolean cancelled() {
                return true;
            }
        };
        try (RowStream stream = readers.open(file, plan, Limits.DEFAULT, cancelled)) {
            assertThatThrownBy(stream::next).isInstanceOf(ReadCancelled.class);
        }
    }

    @Test
    void anEmptyFileWithThisExtensionIsRefused() throws IOException {
        SourceFile file = sample(dir);
        Path empty = Files.createFile(dir.resolve("vide." + file.extension()));
        assertThatThrownBy(() -> readers.analyse(SourceFile.of(empty), ReadOptions.DEFAULT, ReadListener.NONE))
                .isInstanceOfSatisfying(UnreadableFile.class, e -> assertThat(e.code()).isEqualTo("empty-file"));
    }
}
