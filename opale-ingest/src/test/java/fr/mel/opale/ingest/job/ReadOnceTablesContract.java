package fr.mel.opale.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.DatasetVersion;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.data.LoadOptions;
import fr.mel.opale.data.LoadResult;
import fr.mel.opale.ingest.Analysis;
import fr.mel.opale.ingest.Limits;
import fr.mel.opale.ingest.ReadListener;
import fr.mel.opale.ingest.ReadOptions;
import fr.mel.opale.ingest.SourceFile;
import fr.mel.opale.ingest.TableReaders;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A file read once whose end contradicts its start publishes the very table the analyse-then-read path publishes:
 * same column types in the database, same values, row by row. The file (Windows-1252, ';', decimal commas,
 * dd/mm/yyyy dates, lon/lat) is past the tests' read-once size, and its late values come after the records the guess
 * reads: a word in a column of integers holding "N/A" markers (text: the markers become values), a decimal among
 * integers (decimal), a word among dd/mm/yyyy dates and among ISO dates with "-" markers (text in their patterns).
 * The import job widens those columns in the version it wrote instead of reading the file again. Run on H2 and
 * PostGIS (where a table of this size is partitioned) by the two subclasses.
 */
@SpringBootTest(classes = fr.mel.opale.ingest.IngestTestApplication.class)
abstract class ReadOnceTablesContract {
    private static final int ROWS = 24_000;

    @Autowired
    Datasets datasets;
    @Autowired
    IngestJobs jobs;
    @Autowired
    TableReaders readers;
    @Autowired
    AccessPolicy policy;
    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void aFileWidenedLatePublishesTheTableOfTheTwoPassRead() throws Exception {
        IngestJob done = publishedBothWays(false);
        assertThat(done.messages()).extracting(JobMessage::code).contains("plan-widened")
                .doesNotContain("plan-revised");
        assertThat(done.version()).isEqualTo(1);
    }

    /**
     * Two rows alike but for a late word in one and a marker in the other are one and the same row under the guess
     * (both null) and two distinct rows in the end: the count of duplicate rows taken while reading could not be
     * the analyse-then-read one, so the file is read again instead of widened.
     */
    @Test
    void rowsTellApartOnlyByALateValueAreReadAgain() throws Exception {
        IngestJob done = publishedBothWays(true);
        assertThat(done.messages()).extracting(JobMessage::code).contains("plan-revised")
                .doesNotContain("plan-widened");
        assertThat(done.version()).as("the version typed by the guess abandoned").isEqualTo(2);
    }

    private IngestJob publishedBothWays(boolean twins) throws Exception {
        Path csv = dir.resolve("releves.csv");
        write(csv, twins);
        assertThat(Files.size(csv)).isGreaterThan(1L << 20);

        Analysis analysis = readers.analyse(SourceFile.of(csv), ReadOptions.DEFAULT, ReadListener.NONE);
        assertThat(analysis.plan().settings().encoding()).isEqualTo("windows-1252");
        ImportPipeline.RowAdapter twoPassRows = new ImportPipeline.RowAdapter(readers.open(SourceFile.of(csv),
                analysis.plan(), Limits.DEFAULT, ReadListener.NONE), true);
        DatasetVersion twoPass = policy.asPlatform(() -> {
            Dataset dataset = datasets.create("Deux passes " + System.nanoTime(), null);
            LoadResult loaded = datasets.load(dataset.id(), ImportPipeline.schemaOf(analysis.plan()), twoPassRows,
                    LoadOptions.defaults().withExpectedRows(analysis.rows()));
            assertThat(loaded.succeeded()).as(String.valueOf(loaded.version().message())).isTrue();
            return loaded.version();
        });

        Path upload = dir.resolve("upload.csv");
        Files.copy(csv, upload);
        IngestJob job = policy.asPlatform(() -> jobs.submitUpload("releves.csv",
                target -> Files.move(upload, target, StandardCopyOption.REPLACE_EXISTING),
                IngestOptions.NONE.withTitle("Lecture unique " + System.nanoTime()), null));
        IngestJob done = job;
        long deadline = System.currentTimeMillis() + 120_000;
        while (!done.status().finished() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
            done = policy.asPlatform(() -> jobs.find(job.id()).orElseThrow());
        }
        assertThat(done.status()).as(done.messages().toString()).isEqualTo(JobStatus.SUCCEEDED);
        String datasetId = done.datasetId();
        DatasetVersion once = policy.asPlatform(() -> datasets.currentVersion(datasetId).orElseThrow());

        assertThat(once.columns()).isEqualTo(twoPass.columns());
        assertThat(once.rowCount()).isEqualTo(ROWS).isEqualTo(twoPass.rowCount());
        assertThat(sqlTypes(once.tableName())).isEqualTo(sqlTypes(twoPass.tableName()))
                .containsEntry("places", sqlTypes(twoPass.tableName()).get("libelle"));
        List<Map<String, Object>> expected = rows(twoPass.tableName());
        List<Map<String, Object>> actual = rows(once.tableName());
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("row " + (i + 1)).isEqualTo(expected.get(i));
        }
        // the late values and the markers of the widened columns, as written
        assertThat(expected.get(49)).containsEntry("places", "N/A").containsEntry("jour", "15/02/2000");
        assertThat(expected.get(ROWS - 701)).containsEntry("montant", new java.math.BigDecimal("12.5"));
        assertThat(expected.get(ROWS - 501)).containsEntry("places", "sans objet");
        assertThat(expected.get(6)).containsEntry("maj", "-");
        // a late text with a NUL, kept without it as any text cell (PostgreSQL refuses NULs)
        assertThat(expected.get(ROWS - 301)).containsEntry("places", "encours");
        if (twins) {
            assertThat(expected.get(ROWS - 202)).containsEntry("places", "N/A");
            assertThat(expected.get(ROWS - 201)).containsEntry("places", "hors service")
                    .containsEntry("libelle", expected.get(ROWS - 202).get("libelle"));
        }
        assertThat(done.report()).isNotNull();
        assertThat(done.report().duplicateRows()).isEqualTo(twoPassRows.duplicates()).isZero();
        return done;
    }

    /** Column name to the database's own type name, from its catalogue. */
    private Map<String, String> sqlTypes(String table) {
        Map<String, String> types = new java.util.LinkedHashMap<>();
        jdbc.query("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
                + "ORDER BY ordinal_position", rs -> {
                    types.put(rs.getString(1), rs.getString(2));
                }, table);
        assertThat(types).isNotEmpty();
        return types;
    }

    private List<Map<String, Object>> rows(String table) {
        return jdbc.queryForList("SELECT * FROM \"" + table + "\" ORDER BY \"_fid\"");
    }

    /** @param twins whether the row after ROWS - 201 repeats it but for a late word where it has a marker */
    private static void write(Path csv, boolean twins) throws IOException {
        String[] communes = {"Lille", "Marcq-en-Barœul", "Villeneuve-d'Ascq", "Mons-en-Barœul", "Hellemmes"};
        try (Writer out = Files.newBufferedWriter(csv, Charset.forName("windows-1252"))) {
            out.write("id;places;montant;jour;maj;libelle;commune;longitude;latitude\n");
            for (int row = 1; row <= ROWS; row++) {
                int i = twins && row == ROWS - 200 ? ROWS - 201 : row;
                String places = row == ROWS - 500 ? "sans objet" : row == ROWS - 300 ? "en\0cours"
                        : twins && row == ROWS - 201 ? "N/A" : twins && row == ROWS - 200 ? "hors service"
                        : i % 50 == 0 ? "N/A" : Integer.toString(i % 300);
                String montant = i == ROWS - 700 ? "12,5" : Integer.toString(i * 7 % 1000 - 200);
                String jour = i == ROWS - 900 ? "inconnue"
                        : String.format("%02d/%02d/%d", 1 + (i + 20) % 28, 1 + (i / 28) % 12, 2000 + i % 25);
                String maj = i == ROWS - 100 ? "vers 2020" : i % 7 == 0 ? "-"
                        : String.format("2024-%02d-%02d", 1 + i % 12, 1 + i % 28);
                out.write(i + ";" + places + ";" + montant + ";" + jour + ";" + maj + ";\"relevé n° " + i
                        + (i % 10 == 0 ? "; à vérifier" : "") + "\";" + communes[i % communes.length] + ";"
                        + String.format("3,%06d;50,%06d", 10_000 + i * 7 % 100_000, 600_000 + i * 13 % 100_000)
                        + "\n");
            }
        }
    }
}
