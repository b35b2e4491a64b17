package fr.mel.opale.ingest.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * The CSV a French office exports from a Windows spreadsheet, for the publication benchmark against the SQL a DBA
 * would type: Windows-1252 (œ, é, °), ';' separator, decimal commas, dd/mm/yyyy dates, longitude/latitude with
 * decimal commas, and one late value in the integer column {@code places} (row {@code rows - rows / 50}) — "N/A" by
 * default, a null marker, or whatever {@code late} says (a word makes the column text). Columns {@code
 * id;places;montant;date_releve;libelle;commune;ouvert;longitude;latitude}, ~73 bytes a row; the same row count
 * always gives the same bytes (seed 42).
 */
public final class LegacyBenchmarkCsv {
    public static final String HEADER = "id;places;montant;date_releve;libelle;commune;ouvert;longitude;latitude";
    private static final String[] COMMUNES = {"Lille", "Roubaix", "Marcq-en-Barœul", "Villeneuve-d'Ascq",
            "Mons-en-Barœul", "Wattrelos", "Hellemmes", "Lomme"};
    private static final String[] WORDS = {"arrêt", "école", "marché", "théâtre", "crèche", "n°", "vélo", "parc"};

    private LegacyBenchmarkCsv() {
    }

    public static void write(Path csv, int rows, String late) throws IOException {
        Random random = new Random(42);
        int lateRow = rows - rows / 50;
        try (BufferedWriter out = Files.newBufferedWriter(csv, Charset.forName("windows-1252"))) {
            out.write(HEADER + "\r\n");
            StringBuilder line = new StringBuilder(120);
            for (int i = 1; i <= rows; i++) {
                line.setLength(0);
                line.append(i).append(';');
                line.append(i == lateRow ? late : Integer.toString(random.nextInt(400))).append(';');
                int cents = random.nextInt(1_000_000);
                line.append(cents / 100).append(',').append(cents % 100 / 10).append(cents % 10).append(';');
                LocalDate day = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(4000));
                line.append(two(day.getDayOfMonth())).append('/').append(two(day.getMonthValue())).append('/')
                        .append(day.getYear()).append(';');
                line.append(WORDS[random.nextInt(WORDS.length)]).append(' ').append(random.nextInt(100)).append(';');
                line.append(COMMUNES[random.nextInt(COMMUNES.length)]).append(';');
                line.append(random.nextBoolean() ? "oui" : "non").append(';');
                line.append("3,").append(100_000 + random.nextInt(300_000)).append(';');
                line.append("50,").append(550_000 + random.nextInt(200_000)).append("\r\n");
                out.append(line);
            }
        }
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
