package fr.mel.opale.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mel.opale.testing.SharedTestData;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The read-once path against the two-pass one, file by file: a speculative read either ends with exactly the
 * analysis, rows (values, geometries, lines) and summary of {@code analyse} then {@code open}, or throws
 * {@link PlanRevised} carrying exactly that analysis — never anything in between. Guesses from 1, 3 and 50 records,
 * on every shared CSV file and on files made to defeat a guess (late demotion, a column filled late, a first line
 * that is data, ragged rows, NUL bytes, a mixed encoding, decimal commas).
 */
class SpeculativeReadTest {
    private static final TableReaders READERS = TableReaders.standard();

    @TempDir
    Path dir;

    static Stream<Path> sharedCsv() throws IOException {
        Path root = SharedTestData.file("csv");
        try (Stream<Path> files = Files.list(root)) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedCsv")
    void sharedFilesReadOnceAsTheyReadTwice(Path file) {
        for (int guessRows : new int[] {1, 3, 50}) {
            compare(file, ReadOptions.DEFAULT, guessRows);
        }
    }

    static Stream<Path> sharedGeoJson() throws IOException {
        try (Stream<Path> files = Files.list(SharedTestData.file("geo"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".geojson")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sharedGeoJson")
    void sharedGeoJsonFilesReadOnceAsTheyReadTwice(Path file) {
        for (int guessRows : new int[] {1, 3, 50}) {
            compare(file, ReadOptions.DEFAULT, guessRows);
        }
    }

    @Test
    void aGeoJsonFileIsReadOnceUnlessAPropertyOrATypeComesLate() throws IOException {
        Path clean = Files.writeString(dir.resolve("propre.geojson"), features(400, -1, null));
        Outcome outcome = compare(clean, ReadOptions.DEFAULT, 50);
        assertThat(outcome.revised()).as(outcome.message()).isFalse();
        assertThat(outcome.analysis().rows()).isEqualTo(400);
        assertThat(outcome.analysis().warnings()).extracting(ReadWarning::code).contains("geometry-rejected");

        Path late = Files.writeString(dir.resolve("tardive.geojson"), features(400, 300, "\"remarque\": \"à revoir\""));
        outcome = compare(late, ReadOptions.DEFAULT, 50);
        assertThat(outcome.revised()).isTrue();
        assertThat(outcome.analysis().column("remarque")).isNotNull();

        Path demoted = Files.writeString(dir.resolve("code.geojson"), features(400, 350, "\"code\": \"2A004\""));
        outcome = compare(demoted, ReadOptions.DEFAULT, 50);
        assertThat(outcome.revised()).isTrue();
        assertThat(outcome.message()).contains("colonne « code » : entier au début, texte sur tout le fichier");
    }

    /** A FeatureCollection of points; feature {@code odd} gets {@code extra} in place of its code; feature 77 has a broken geometry. */
    private static String features(int count, int odd, @org.jspecify.annotations.Nullable String extra) {
        StringBuilder json = new StringBuilder("{\"type\": \"FeatureCollection\", \"features\": [\n");
        for (int i = 1; i <= count; i++) {
            String properties = i == odd ? "\"nom\": \"arrêt " + i + "\", " + extra
                    : "\"nom\": \"arrêt " + i + "\", \"code\": " + i;
            String geometry = i == 77 ? "{\"type\": \"Point\", \"coordinates\": [3.05]}"
                    : "{\"type\": \"Point\", \"coordinates\": [" + (3.05 + i / 1e4) + ", " + (50.6 + i / 1e4) + "]}";
            json.append("{\"type\": \"Feature\", \"properties\": {").append(properties).append(", \"places\": ")
                    .append(i % 9 == 0 ? "null" : Double.toString(i / 4.0)).append("}, \"geometry\": ").append(geometry)
                    .append(i == count ? "}\n" : "},\n");
        }
        return json.append("]}\n").toString();
    }

    @Test
    void aCleanFileIsReadOnceWithTheGuessedPlan() throws IOException {
        StringBuilder csv = new StringBuilder("id;montant;jour;ouvert;libellé;lat;lon\n");
        for (int i = 1; i <= 500; i++) {
            csv.append(i).append(';').append(i).append(",5;").append(String.format("%02d/03/2024", 1 + i % 28))
                    .append(';').append(i % 2 == 0 ? "oui" : "non").append(";\"rue ").append(i).append("; bis\";")
                    .append(50.6 + i / 1e5).append(';').append(3.05 + i / 1e5).append('\n');
        }
        Path file = Files.writeString(dir.resolve("propre.csv"), csv);
        Outcome outcome = compare(file, ReadOptions.DEFAULT, 20);
        assertThat(outcome.revised()).isFalse();
        assertThat(outcome.analysis().plan().geometry()).isNotNull();
        assertThat(outcome.analysis().rows()).isEqualTo(500);
    }

    @Test
    void aLateValueThatDemotesAColumnOfPlainIntegersWidensIt() throws IOException {
        StringBuilder csv = new StringBuilder("code,nom\n");
        for (int i = 1; i <= 300; i++) {
            csv.append(i == 250 ? "2A004" : i == 120 ? "N/A" : Integer.toString(i)).append(",commune ").append(i)
                    .append('\n');
        }
        Path file = Files.writeString(dir.resolve("tardif.csv"), csv);
        Outcome outcome = compare(file, ReadOptions.DEFAULT, 100);
        assertThat(outcome.revised()).isFalse();
        assertThat(outcome.widened()).isTrue();
        assertThat(outcome.message()).as(outcome.message()).contains("colonne « code » : entier au début, texte sur tout le fichier");
        assertThat(outcome.analysis().column("code").type()).isEqualTo(ColumnType.TEXT);
    }

    @Test
    void lateDecimalsAndWordsAmongIntegersAndDatesWidenTheirColumns() throws IOException {
        StringBuilder csv = new StringBuilder("id;places;montant;jour;maj;ouvert;lat;lon\n");
        for (int i = 1; i <= 600; i++) {
            csv.append(i).append(';')
                    .append(i == 590 ? "sans objet" : i % 50 == 0 ? "N/A" : i % 40 == 0 ? "" : Integer.toString(i % 90))
                    .append(';').append(i == 580 ? "12,5" : i == 581 ? "-3,25" : Integer.toString(i * 3 - 700))
                    .append(';').append(i == 570 ? "inconnue" : String.format("%02d/%02d/20%02d", 1 + i % 28,
                            1 + i % 12, i % 30))
                    .append(';').append(i == 599 ? "vers 2020" : i % 7 == 0 ? "-" : "2024-01-" + (10 + i % 20))
                    .append(';').append(i % 2 == 0 ? "oui" : "non")
                    .append(';').append(50.6 + i / 1e5).append(';').append(3.05 + i / 1e5).append('\n');
        }
        Path file = Files.writeString(dir.resolve("elargi.csv"), csv);
        Outcome outcome = compare(file, ReadOptions.DEFAULT, 100);
        assertThat(outcome.widened()).as(outcome.message()).isTrue();
        assertThat(outcome.analysis().column("places").type()).isEqualTo(ColumnType.TEXT);
        assertThat(outcome.analysis().column("montant").type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(outcome.analysis().column("jour").type()).isEqualTo(ColumnType.TEXT);
        assertThat(outcome.analysis().column("maj").type()).isEqualTo(ColumnType.TEXT);
        assertThat(outcome.analysis().plan().geometry()).isNotNull();
    }

    @Test
    void integersNotWrittenAsTheirOwnDigitsAreReadAgainRatherThanWidened() throws IOException {
        // "1 020" is an integer to the guess, but a text column keeps it as written: no widening gives that back
        StringBuilder csv = new StringBuilder("code;nom\n");
        for (int i = 1; i <= 300; i++) {
            csv.append(i == 20 ? "1 020" : i == 250 ? "2B" : Integer.toString(i)).append(";nom ").append(i).append('\n');
        }
        Path file = Files.writeString(dir.resolve("signe.csv"), csv);
        Outcome outcome = compare(file, ReadOptions.DEFAULT, 100);
        assertThat(outcome.revised()).isTrue();
        assertThat(outcome.analysis().column("code").type()).isEqualTo(ColumnType.TEXT);
    }

    @Test
    void theEndOfALargeFileIsPartOfTheGuess() throws IOException {
        // 5 MB: a code column whose letters only come in the last rows, a column only filled there, and labels
        // with line breaks in quotes, so the end read apart may be cut inside one (then it is not used).
        StringBuilder csv = new StringBuilder("code;fin;libelle;valeur\n");
        int rows = 100_000;
        for (int i = 1; i <= rows; i++) {
            boolean late = i > rows - 500;
            csv.append(late && i % 7 == 0 ? "2A" + i : Integer.toString(i)).append(';')
                    .append(late ? "2024-05-0" + (1 + i % 9) : "").append(";\"ligne ").append(i).append(" de la rue de la Gare")
                    .append(i % 3 == 0 ? "\nsuite" : "").append("\";").append(i).append(",5\n");
        }
        Path file = Files.writeString(dir.resolve("fin-parlante.csv"), csv);
        assertThat(Files.size(file)).isGreaterThan(4L << 20);
        Outcome outcome = compare(file, ReadOptions.DEFAULT, 1000);
        assertThat(outcome.analysis().column("code").type()).isEqualTo(ColumnType.TEXT);
        assertThat(outcome.analysis().column("fin").type()).isEqualTo(ColumnType.DATE);
        assertThat(outcome.revised()).as(outcome.message()).isFalse();
    }

    @Test
    void aColumnEmptyAtFirstThenFilledRevisesThePlan() throws IOException {
        StringBuilder csv = new StringBuilder("id,date_fin\n");
        for (int i = 1; i <= 200; i++) {
            csv.append(i).append(',').append(i > 150 ? "2024-01-0" + (1 + i % 9) : "").append('\n');
        }
        Path file = Files.writeString(dir.resolve("rempli-tard.csv"), csv);
        Outcome outcome = compare(file, ReadOptions.DEFAULT, 100);
        assertThat(outcome.revised()).isTrue();
        assertThat(outcome.analysis().column("date_fin").type()).isEqualTo(ColumnType.DATE);
    }

    @Test
    void aFirstLineOfDataRaggedRowsNulBytesAndOverridesReadAlike() throws IOException {
        StringBuilder csv = new StringBuilder("1;2020-01-01;3,5;a\n");
        for (int i = 2; i <= 400; i++) {
            // one decimal comma per line, sometimes none: "," cannot pass for the delimiter
            csv.append(i).append(";2020-01-0").append(1 + i % 9).append(';').append(i % 3 == 0 ? "" : i + ",25")
                    .append(';')
                    .append(i % 97 == 0 ? "x\u0000y" : "t" + i);
            if (i == 333) {
                csv.append(";de trop");
            } else if (i == 377) {
                csv.setLength(csv.length() - ("t" + i).length() - 1);
            }
            csv.append('\n');
        }
        Path file = Files.writeString(dir.resolve("sans-entete.csv"), csv);
        Outcome outcome = compare(file, ReadOptions.DEFAULT, 10);
        assertThat(outcome.revised()).as(outcome.message()).isFalse();
        assertThat(outcome.analysis().plan().settings().header()).isFalse();
        assertThat(outcome.analysis().warnings()).extracting(ReadWarning::code).contains("ragged-row", "nul-bytes");
        Overrides overrides = new Overrides(java.util.Map.of("colonne_4",
                new Overrides.ColumnOverride("libelle", ColumnType.TEXT, false)), null);
        compare(file, ReadOptions.DEFAULT.withOverrides(overrides), 10);
    }

    @Test
    void aMixedEncodingFileReadsAlike() throws IOException {
        List<byte[]> parts = new ArrayList<>();
        parts.add("nom;ville\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 300; i++) {
            Charset charset = i == 200 ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
            parts.add(("élève " + i + ";Hellemmes\n").getBytes(charset));
        }
        Path file = dir.resolve("mixte.csv");
        try (var out = Files.newOutputStream(file)) {
            for (byte[] part : parts) {
                out.write(part);
            }
        }
        Outcome outcome = compare(file, ReadOptions.DEFAULT, 10);
        assertThat(outcome.analysis().warnings()).extracting(ReadWarning::code).contains("mixed-encoding");
    }

    @Test
    void aFileNoLongerThanTheGuessIsNotReadSpeculatively() throws IOException {
        Path file = Files.writeString(dir.resolve("court.csv"), "a,b\n1,2\n3,4\n");
        assertThat(READERS.speculate(SourceFile.of(file), ReadOptions.DEFAULT, Limits.DEFAULT, 2, ReadListener.NONE))
                .isNull();
        assertThat(READERS.speculate(SourceFile.of(file), ReadOptions.DEFAULT, Limits.DEFAULT, 1, ReadListener.NONE))
                .isNotNull().satisfies(RowStream::close);
    }

    @Test
    void theAnalysisIsOnlyKnownAtTheEnd() throws IOException {
        Path file = Files.writeString(dir.resolve("fin.csv"), "a,b\n1,2\n3,4\n5,6\n");
        try (SpeculativeRead read = READERS.speculate(SourceFile.of(file), ReadOptions.DEFAULT, Limits.DEFAULT, 1,
                ReadListener.NONE)) {
            read.next();
            assertThatThrownBy(read::analysis).isInstanceOf(IllegalStateException.class);
        }
    }

    record Outcome(Analysis analysis, boolean revised, boolean widened, String message) {
    }

    /** Reads {@code file} both ways and asserts they agree; returns the whole file's analysis. */
    @Test
    void aLargeUtf8FileIsDecidedByItsEndsAndReadAlike() throws IOException {
        Path file = large("grand-utf8.csv", -1, StandardCharsets.UTF_8);
        Outcome outcome = compare(file, ReadOptions.DEFAULT, 1000);
        assertThat(outcome.revised()).as(outcome.message()).isFalse();
        assertThat(outcome.analysis().plan().settings().encoding()).isEqualTo("UTF-8");
    }

    @Test
    void aByteThatIsNotUtf8BetweenTheEndsOfALargeFileRevisesThePlan() throws IOException {
        Path file = large("milieu-cp1252.csv", 200_000, Charset.forName("windows-1252"));
        Outcome outcome = compare(file, ReadOptions.DEFAULT, 1000);
        assertThat(outcome.revised()).isTrue();
        assertThat(outcome.message()).contains("n'est pas entièrement en UTF-8 ; encodage du fichier entier : "
                + "UTF-8 et Windows-1252 mêlés");
        assertThat(outcome.analysis().plan().settings().encoding()).isEqualTo("UTF-8+windows-1252");
        assertThat(outcome.analysis().warnings()).extracting(ReadWarning::code).contains("mixed-encoding");
    }

    @Test
    void aGuessReachingPastTheCheckedStartDecidesOverTheWholeFile() throws IOException {
        // the byte that is not UTF-8 lies beyond the first 4 MiB, among the records the guess reads
        Path file = large("debut-cp1252.csv", 150_000, Charset.forName("windows-1252"));
        Outcome outcome = compare(file, ReadOptions.DEFAULT, 160_000);
        assertThat(outcome.revised()).as(outcome.message()).isFalse();
        assertThat(outcome.analysis().plan().settings().encoding()).isEqualTo("UTF-8+windows-1252");
    }

    @Test
    void aLargeLatin1FileIsDecidedByItsEndsAndReadOnceAsItsUtf8Twin() throws IOException {
        Path latin1 = repeated("AC2_ASSIETTE_SUP_S_014_latin1.csv", null);
        Path utf8 = repeated("AC2_ASSIETTE_SUP_S_014_utf8.csv", null);
        Outcome outcome = compare(latin1, ReadOptions.DEFAULT, 1000);
        assertThat(outcome.revised()).as(outcome.message()).isFalse();
        assertThat(outcome.analysis().plan().settings().encoding()).isEqualTo("ISO-8859-1");
        List<Row> once = new ArrayList<>();
        try (SpeculativeRead read = READERS.speculate(SourceFile.of(latin1), ReadOptions.DEFAULT, Limits.DEFAULT,
                1000, ReadListener.NONE)) {
            for (Row row = read.next(); row != null; row = read.next()) {
                once.add(row);
            }
        }
        Analysis twin = READERS.analyse(SourceFile.of(utf8), ReadOptions.DEFAULT, ReadListener.NONE);
        assertThat(twin.plan().columns()).isEqualTo(outcome.analysis().plan().columns());
        try (RowStream rows = READERS.open(SourceFile.of(utf8), twin.plan(), Limits.DEFAULT, ReadListener.NONE)) {
            int i = 0;
            for (Row row = rows.next(); row != null; row = rows.next(), i++) {
                assertThat(Arrays.asList(once.get(i).values())).as("row " + row.number())
                        .isEqualTo(Arrays.asList(row.values()));
            }
            assertThat(i).isEqualTo(once.size());
        }
        assertThat(once).extracting(row -> row.values()[4]).contains("Egal au générateur");
    }

    @Test
    void aWindows1252ByteBetweenTheEndsOfAFileTakenForLatin1RevisesItsEncoding() throws IOException {
        // 0x80 is the euro sign in Windows-1252, a control character in ISO-8859-1: the whole file is Windows-1252
        Path file = repeated("AC2_ASSIETTE_SUP_S_014_latin1.csv", ("875,875,AC2_14047_ass,Enceinte du site,"
                + "Cout 12 \u20ac,,,\n").getBytes(Charset.forName("windows-1252")));
        Outcome outcome = compare(file, ReadOptions.DEFAULT, 1000);
        assertThat(outcome.revised()).isTrue();
        assertThat(outcome.message()).contains("encodage « ISO-8859-1 » d'après le début et la fin du fichier, "
                + "« windows-1252 » sur tout le fichier");
        assertThat(outcome.analysis().plan().settings().encoding()).isEqualTo("windows-1252");
    }

    @Test
    void aUtf8LineBetweenTheEndsOfALatin1FileRevisesItToMixed() throws IOException {
        Path file = repeated("AC2_ASSIETTE_SUP_S_014_latin1.csv", ("875,875,AC2_14047_ass,Enceinte du site,"
                + "Egal au générateur,,,\n").getBytes(StandardCharsets.UTF_8));
        Outcome outcome = compare(file, ReadOptions.DEFAULT, 1000);
        assertThat(outcome.revised()).isTrue();
        assertThat(outcome.analysis().plan().settings().encoding()).isEqualTo("UTF-8+windows-1252");
    }

    /**
     * A shared file's data lines repeated after its header past 16 MiB (what deciding by the ends needs), with
     * {@code middle} (when not null) as one more line halfway.
     */
    private Path repeated(String shared, byte @org.jspecify.annotations.Nullable [] middle) throws IOException {
        byte[] all = Files.readAllBytes(SharedTestData.file("csv").resolve(shared));
        int headerEnd = 0;
        while (all[headerEnd] != '\n') {
            headerEnd++;
        }
        Path file = dir.resolve("grand-" + (middle == null ? "" : "milieu-") + shared);
        int copies = 2500; // 17 MB of the Latin-1 file
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(all, 0, headerEnd + 1);
            for (int i = 0; i < copies; i++) {
                out.write(all, headerEnd + 1, all.length - headerEnd - 1);
                if (middle != null && i == copies / 2) {
                    out.write(middle);
                }
            }
        }
        return file;
    }

    /**
     * A CSV of more than 16 MiB (what {@code utf8ByItsEnds} needs) with accents on every row, in UTF-8 except row
     * {@code odd} (none when negative), written in {@code oddCharset}.
     */
    private Path large(String name, int odd, Charset oddCharset) throws IOException {
        Path file = dir.resolve(name);
        try (var out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write("id;libelle;valeur;note\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 1; i <= 400_000; i++) {
                String note = i % 1000 == 0 || i == odd ? "café" : "sans";
                out.write((i + ";rue de la gare numéro " + i % 977 + ";" + i % 100 + ",5;").getBytes(
                        i == odd ? oddCharset : StandardCharsets.UTF_8));
                out.write((note + "\n").getBytes(i == odd ? oddCharset : StandardCharsets.UTF_8));
            }
        }
        assertThat(Files.size(file)).isGreaterThan(16L << 20);
        return file;
    }

    private static Outcome compare(Path file, ReadOptions options, int guessRows) {
        SourceFile source = SourceFile.of(file);
        Analysis expected = READERS.analyse(source, options, ReadListener.NONE);
        List<Row> expectedRows = new ArrayList<>();
        ReadSummary expectedSummary;
        try (RowStream rows = READERS.open(source, expected.plan(), Limits.DEFAULT, ReadListener.NONE)) {
            for (Row row = rows.next(); row != null; row = rows.next()) {
                expectedRows.add(row);
            }
            expectedSummary = rows.summary();
        }
        SpeculativeRead read = READERS.speculate(source, options, Limits.DEFAULT, guessRows, ReadListener.NONE);
        if (read == null) {
            assertThat(expected.rows()).as(file + ": too short to guess").isLessThanOrEqualTo(guessRows + 1);
            return new Outcome(expected, false, false, "");
        }
        List<Row> rows = new ArrayList<>();
        try (read) {
            for (Row row = read.next(); row != null; row = read.next()) {
                rows.add(row);
            }
        } catch (PlanRevised revised) {
            assertThat(revised.analysis()).as(file + " revised, guess " + guessRows).isEqualTo(expected);
            assertThat(read.guess()).isNotEqualTo(expected.plan());
            return new Outcome(revised.analysis(), true, false, revised.getMessage());
        }
        String what = file.getFileName() + ", guess from " + guessRows;
        Widening widening = read.widening();
        if (widening != null) {
            assertThat(widening.plan()).as(what).isEqualTo(expected.plan());
            assertThat(read.guess()).as(what).isNotEqualTo(expected.plan());
            rows = widened(rows, read.guess(), widening);
        } else {
            assertThat(read.guess()).as(what).isEqualTo(expected.plan());
        }
        assertThat(read.analysis()).as(what).isEqualTo(expected);
        assertThat(read.summary()).as(what).isEqualTo(expectedSummary);
        assertThat(rows).as(what).hasSameSizeAs(expectedRows);
        for (int i = 0; i < rows.size(); i++) {
            Row a = expectedRows.get(i);
            Row b = rows.get(i);
            assertThat(b.number()).isEqualTo(a.number());
            assertThat(b.line()).as(what + " row " + a.number()).isEqualTo(a.line());
            assertThat(Arrays.asList(b.values())).as(what + " row " + a.number())
                    .isEqualTo(Arrays.asList(a.values()));
            if (a.geometry() == null) {
                assertThat(b.geometry()).isNull();
            } else {
                assertThat(b.geometry().equalsExact(a.geometry())).as(what + " geometry " + a.number()).isTrue();
            }
        }
        return new Outcome(read.analysis(), false, widening != null, widening == null ? "" : widening.difference());
    }

    /**
     * The rows delivered for the guess, widened as the data store widens them (an integer's digits, a date in its
     * pattern, an integer as a decimal), the widening's cells written over: what the version table then holds.
     */
    private static List<Row> widened(List<Row> rows, ReadPlan guess, Widening widening) {
        List<ColumnPlan> before = guess.outputColumns();
        List<ColumnPlan> after = widening.plan().outputColumns();
        List<Row> widened = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Object[] values = row.values().clone();
            for (int k = 0; k < values.length; k++) {
                if (values[k] == null || before.get(k).type() == after.get(k).type()) {
                    continue;
                }
                if (values[k] instanceof Long l) {
                    values[k] = after.get(k).type() == ColumnType.DECIMAL ? java.math.BigDecimal.valueOf(l)
                            : Long.toString(l);
                } else if (values[k] instanceof java.time.LocalDate d) {
                    values[k] = java.time.format.DateTimeFormatter.ofPattern(widening.dateText().get(k)).format(d);
                }
            }
            widened.add(new Row(row.number(), row.line(), values, row.geometry()));
        }
        for (Widening.Cell cell : widening.cells()) {
            widened.get((int) cell.row() - 1).values()[cell.column()] = cell.value();
        }
        return widened;
    }
}
