package fr.mel.opale.data.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * The CSV the load benchmarks time against PostgreSQL's own {@code COPY}: the store's ({@link LoadBenchmark}) and
 * ingest's publication benchmark, which must read the very same file to be compared. Columns
 * {@code id,montant,jour,libelle,commune,ouvert,lon,lat}: integer id 1..rows, a decimal amount, a date, a label of
 * 20–40 characters of words (every tenth one with a quoted number and a comma, so CSV quoting is exercised), a commune
 * of the Métropole, a boolean, lon/lat around Lille. The same row count always gives the same bytes (seed 42).
 */
public final class BenchmarkCsv {
    private static final long SEED = 42;
    private static final String[] COMMUNES = {"Lille", "Roubaix", "Tourcoing", "Villeneuve-d'Ascq", "Marcq-en-Barœul",
            "Wattrelos", "Lambersart", "La Madeleine", "Lomme", "Hellemmes", "Mons-en-Barœul", "Croix"};
    private static final String[] WORDS = {"station", "vélo", "arrêt", "parc", "école", "mairie", "marché", "piscine",
            "bibliothèque", "jardin", "rue", "place", "gare", "musée", "théâtre", "stade", "crèche", "collège"};

    private BenchmarkCsv() {
    }

    /** Writes {@code rows} rows after the header line into {@code csv} (UTF-8, LF line ends), replacing it. */
    public static void write(Path csv, int rows) throws IOException {
        Random random = new Random(SEED);
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("id,montant,jour,libelle,commune,ouvert,lon,lat\n");
            StringBuilder line = new StringBuilder(160);
            for (int i = 1; i <= rows; i++) {
                line.setLength(0);
                line.append(i).append(',');
                line.append(random.nextInt(1_000_000) / 100.0).append(',');
                line.append(LocalDate.of(2015, 1, 1).plusDays(random.nextInt(4000))).append(',');
                StringBuilder label = new StringBuilder();
                while (label.length() < 20 + random.nextInt(20)) {
                    label.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
                }
                if (i % 10 == 0) {
                    label.append("\"n° ").append(i).append("\", bis");
                }
                line.append('"').append(label.toString().strip().replace("\"", "\"\"")).append('"').append(',');
                line.append(COMMUNES[random.nextInt(COMMUNES.length)]).append(',');
                line.append(random.nextBoolean()).append(',');
                line.append(String.format(Locale.ROOT, "%.6f,%.6f", 2.95 + random.nextDouble() * 0.3,
                        50.55 + random.nextDouble() * 0.2)).append('\n');
                out.append(line);
            }
        }
    }
}
