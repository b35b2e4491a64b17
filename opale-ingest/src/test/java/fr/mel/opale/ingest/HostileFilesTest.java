package fr.mel.opale.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input ends with a precise French message and a stable code — never a crash, a hang or an out-of-memory.
 * Every hostile file is made by the test, in a temporary directory (the ZIPs by {@link HostileZips}, shared with
 * the HTTP ingest tests).
 */
class HostileFilesTest {
    @TempDir
    Path dir;

    private final TableReaders readers = TableReaders.standard();

    private Analysis analyse(Path file) {
        return readers.analyse(SourceFile.of(file), ReadOptions.DEFAULT, ReadListener.NONE);
    }

    private void assertRefused(Path file, String code, String... messageParts) {
        assertRefused(file, ReadOptions.DEFAULT, code, messageParts);
    }

    private void assertRefused(Path file, ReadOptions options, String code, String... messageParts) {
        assertThatThrownBy(() -> readers.analyse(SourceFile.of(file), options, ReadListener.NONE))
                .isInstanceOfSatisfying(IngestException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    for (String part : messageParts) {
                        assertThat(e.getMessage()).contains(part);
                    }
                });
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        assertRefused(write("vide.csv", new byte[0]), "empty-file", "vide.csv", "vide");
        assertRefused(write("bom.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}), "empty-file");
    }

    @Test
    void headerOnlyCsvIsValidButEmpty() throws IOException {
        Analysis a = analyse(write("entete.csv", "Nom;Date de pose;Nb places\n"));
        assertThat(a.rows()).isZero();
        assertThat(a.columns()).extracting(ColumnProfile::name).containsExactly("nom", "date_de_pose", "nb_places");
        assertThat(a.hasWarning("empty-table")).isTrue();
    }

    @Test
    void binaryFileNamedCsvIsRefusedSayingWhatItIs() throws IOException {
        byte[] pdf = "%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(write("donnees.csv", pdf), "binary-content", "donnees.csv", ".csv", "PDF");
        byte[] noise = new byte[4096];
        new java.util.Random(1).nextBytes(noise);
        assertRefused(write("bruit.csv", noise), "binary-content", "bruit.csv", "binaires");
        assertRefused(write("vieux.csv", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0}),
                "binary-content", "Excel 97-2003");
    }

    @Test
    void aGeoPackageThatIsNotSqliteIsRefused() throws IOException {
        assertRefused(write("couches.gpkg", "id;nom\n1;a\n"), "geopackage-invalid", "couches.gpkg",
                "pas une base SQLite");
    }

    @Test
    void aRecordOfTenMegabytesIsRefusedNamingItsLine() throws IOException {
        Path file = dir.resolve("long.csv");
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("a,b\n1,2\n3,");
            for (int i = 0; i < 10 * 1024 * 1024; i++) {
                w.write('x');
            }
            w.write("\n5,6\n");
        }
        assertRefused(file, "record-too-long", "ligne 3");
    }

    @Test
    void anUnclosedQuoteDoesNotSwallowTheFile() throws IOException {
        Path file = dir.resolve("guillemet.csv");
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("a,b\n1,\"ouvert\n");
            for (int i = 0; i < 300_000; i++) {
                w.write("2,3\n");
            }
        }
        assertRefused(file, ReadOptions.DEFAULT.withLimits(Limits.DEFAULT.withMaxRecordChars(100_000)),
                "record-too-long", "ligne 2");
    }

    @Test
    void mixedEncodingsAreReadLineByLineWithAWarningNamingTheFirstLine() throws IOException {
        byte[] utf8 = "nom;ville\nÉlodie;Lille\nJérôme;Roubaix\n".getBytes(StandardCharsets.UTF_8);
        byte[] cp1252 = "Cécile;Tourcoing\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        byte[] both = new byte[utf8.length + cp1252.length];
        System.arraycopy(utf8, 0, both, 0, utf8.length);
        System.arraycopy(cp1252, 0, both, utf8.length, cp1252.length);
        Path file = write("melange.csv", both);
        Analysis a = analyse(file);
        assertThat(a.plan().settings().encoding()).isEqualTo("UTF-8+windows-1252");
        ReadWarning w = a.warnings().stream().filter(x -> x.code().equals("mixed-encoding")).findFirst().orElseThrow();
        assertThat(w.row()).isEqualTo(4);
        try (RowStream rows = readers.open(SourceFile.of(file), a.plan(), Limits.DEFAULT, ReadListener.NONE)) {
            assertThat(rows.next().values()).containsExactly("Élodie", "Lille");
            assertThat(rows.next().values()).containsExactly("Jérôme", "Roubaix");
            assertThat(rows.next().values()).containsExactly("Cécile", "Tourcoing");
        }
    }

    @Test
    void windows1252IsToldFromLatin1ByItsC1Bytes() throws IOException {
        byte[] text = "nom;prix\n« Œuvre »;12\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        Analysis a = analyse(write("cp1252.csv", text));
        assertThat(a.plan().settings().encoding()).isEqualTo("windows-1252");
        assertThat(a.column("nom").samples()).containsExactly("« Œuvre »");
    }

    private Path zip(String name, String... entriesAndContents) throws IOException {
        return write(name, HostileZips.of(entriesAndContents));
    }

    @Test
    void zipSlipPathsAreRefused() throws IOException {
        assertRefused(zip("slip.zip", "../../etc/evil.shp", "x", "evil.dbf", "y"), "zip-slip", "chemin dangereux");
        assertRefused(zip("abs.zip", "/tmp/evil.dbf", "y"), "zip-slip");
    }

    @Test
    void archivesWithThousandsOfEntriesAreRefused() throws IOException {
        Path file = write("milliers.zip", HostileZips.manyEntries(5000));
        assertRefused(file, "zip-too-many-entries", "5000 fichiers");
    }

    @Test
    void zipBombsAreStoppedWhileInflating() throws IOException {
        Path file = write("bombe.zip", HostileZips.bomb());
        assertThat(Files.size(file)).isLessThan(1 << 20);
        assertRefused(file, "zip-bomb", "bombe");
        assertRefused(file, ReadOptions.DEFAULT.withLimits(Limits.DEFAULT.withMaxUnzippedBytes(10 << 20)), "zip-bomb",
                "10 Mo");
    }

    @Test
    void aShapefileZipWithoutDbfIsRefusedNamingTheMissingFile() throws IOException {
        assertRefused(zip("sans-dbf.zip", "routes.shp", "x", "routes.shx", "x", "routes.prj", "x"),
                "shapefile-missing-dbf", "routes.dbf");
    }

    @Test
    void aZipWithNeitherShapefileNorWorkbookIsRefused() throws IOException {
        assertRefused(zip("divers.zip", "lisez-moi.txt", "bonjour"), "unknown-format", "archive ZIP");
    }

    @Test
    void brokenGeoJsonIsRefused() throws IOException {
        assertRefused(write("casse.geojson", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","),
                "geojson-invalid", "casse.geojson");
    }

    @Test
    void readingCanBeCancelled() throws IOException {
        Path file = dir.resolve("gros.csv");
        try (Writer w = Files.newBufferedWriter(file)) {
            w.write("a;b\n");
            for (int i = 0; i < 100_000; i++) {
                w.write(i + ";x\n");
            }
        }
        ReadListener cancelAt = new ReadListener() {
            private long seen;

            @Override
            public void progress(long rows) {
                seen = rows;
            }

            @Override
            public boolean cancelled() {
                return seen >= 20_000;
            }
        };
        assertThatThrownBy(() -> readers.analyse(SourceFile.of(file), ReadOptions.DEFAULT, cancelAt))
                .isInstanceOfSatisfying(ReadCancelled.class, e -> assertThat(e.code()).isEqualTo("cancelled"));
        Analysis a = analyse(file);
        try (RowStream rows = readers.open(SourceFile.of(file), a.plan(), Limits.DEFAULT, cancelAt)) {
            assertThatThrownBy(() -> {
                while (rows.next() != null) {
                    // until cancelled
                }
            }).isInstanceOf(ReadCancelled.class);
        }
    }

    @Test
    void everyProblemIsAnIngestException() throws IOException {
        try (OutputStream out = Files.newOutputStream(dir.resolve("x.xlsx"))) {
            out.write("pas un classeur".getBytes(StandardCharsets.UTF_8));
        }
        assertRefused(dir.resolve("x.xlsx"), "xlsx-invalid", "x.xlsx");
    }
}
