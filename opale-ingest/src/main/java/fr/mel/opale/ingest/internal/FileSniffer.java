package fr.mel.opale.ingest.internal;

import fr.mel.opale.ingest.SourceFile;
import fr.mel.opale.ingest.TableReader;
import fr.mel.opale.ingest.UnreadableFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Chooses a file's reader from its content first — magic numbers, text or binary — and its extension second, so
 * that a GeoPackage renamed .csv still reads and a PDF named .csv is refused with a message saying what it is.
 */
public final class FileSniffer {
    static final int HEAD = 1 << 16;
    private static final Set<String> TEXT_EXTENSIONS = Set.of("csv", "tsv", "txt", "json", "geojson");

    private final List<TableReader> readers;

    public FileSniffer(List<TableReader> readers) {
        this.readers = readers;
    }

    public TableReader readerFor(SourceFile file) {
        byte[] head = head(file);
        if (head.length == 0) {
            throw new UnreadableFile("empty-file", "Le fichier « " + file.name() + " » est vide.");
        }
        refuseBrokenContainer(file, head);
        for (TableReader reader : readers) {
            if (reader.accepts(head, file)) {
                return reader;
            }
        }
        String binary = describeBinary(head);
        if (binary != null || looksBinary(head)) {
            String what = binary != null ? binary : "des données binaires";
            if (TEXT_EXTENSIONS.contains(file.extension())) {
                throw new UnreadableFile("binary-content", "Le fichier « " + file.name() + " » porte l'extension ."
                        + file.extension() + " mais contient " + what + ", pas du texte : envoyez le fichier "
                        + file.extension().toUpperCase(java.util.Locale.ROOT) + " lui-même.");
            }
            throw new UnreadableFile("unknown-format", "Le fichier « " + file.name() + " » contient " + what
                    + " : formats acceptés CSV, TSV, TXT, XLSX, GeoJSON, Shapefile zippé, GeoPackage.");
        }
        throw new UnreadableFile("unknown-format", "Format du fichier « " + file.name() + " » non reconnu.");
    }

    /**
     * An extension that promises a binary container (GeoPackage, XLSX, ZIP) on content that is not one is a broken
     * or mislabelled file: say so, rather than reading it as text.
     */
    private static void refuseBrokenContainer(SourceFile file, byte[] head) {
        String ext = file.extension();
        if (ext.equals("gpkg") && !isSqlite(head)) {
            throw new UnreadableFile("geopackage-invalid", "« " + file.name() + " » n'est pas un GeoPackage : ce "
                    + "n'est pas une base SQLite (" + describe(head) + ").");
        }
        if ((ext.equals("xlsx") || ext.equals("zip")) && !isZip(head)) {
            throw new UnreadableFile(ext.equals("xlsx") ? "xlsx-invalid" : "zip-invalid", "« " + file.name()
                    + " » n'est pas " + (ext.equals("xlsx") ? "un classeur XLSX" : "une archive ZIP") + " ("
                    + describe(head) + ").");
        }
    }

    private static String describe(byte[] head) {
        String binary = describeBinary(head);
        return binary != null ? "c'est " + binary : looksBinary(head) ? "contenu binaire inconnu" : "c'est du texte";
    }

    static byte[] head(SourceFile file) {
        try (InputStream in = Files.newInputStream(file.path())) {
            return in.readNBytes(HEAD);
        } catch (IOException e) {
            throw new UnreadableFile("read-error", "Lecture impossible de « " + file.name() + " » : "
                    + e.getMessage(), e);
        }
    }

    static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean isZip(byte[] head) {
        return startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6);
    }

    static boolean isSqlite(byte[] head) {
        return startsWith(head, 'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm', 'a', 't', ' ', '3', 0);
    }

    /** A French name for a well-known binary format, or null. */
    static @Nullable String describeBinary(byte[] head) {
        if (isZip(head)) {
            return "une archive ZIP";
        }
        if (isSqlite(head)) {
            return "une base SQLite";
        }
        if (startsWith(head, '%', 'P', 'D', 'F')) {
            return "un document PDF";
        }
        if (startsWith(head, 0x89, 'P', 'N', 'G')) {
            return "une image PNG";
        }
        if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return "une image JPEG";
        }
        if (startsWith(head, 'G', 'I', 'F', '8')) {
            return "une image GIF";
        }
        if (startsWith(head, 0x1F, 0x8B)) {
            return "une archive gzip";
        }
        if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0)) {
            return "un classeur Excel 97-2003 (.xls) ou un document Office ancien — enregistrez-le en XLSX ou CSV";
        }
        if (startsWith(head, '7', 'z', 0xBC, 0xAF)) {
            return "une archive 7-Zip";
        }
        if (startsWith(head, 'R', 'a', 'r', '!')) {
            return "une archive RAR";
        }
        if (startsWith(head, 0x7F, 'E', 'L', 'F') || startsWith(head, 'M', 'Z')) {
            return "un programme exécutable";
        }
        if (startsWith(head, 0, 0, 0x27, 0x0A)) {
            return "un fichier .shp seul — zippez-le avec ses .shx, .dbf, .prj (et .cpg)";
        }
        return null;
    }

    /**
     * Binary when a known signature says so, or when more than 2 % of the first bytes are control characters other
     * than tab, line breaks and form feed (a CSV with a few stray NULs stays text).
     */
    public static boolean looksBinary(byte[] head) {
        if (describeBinary(head) != null) {
            return true;
        }
        boolean utf16 = startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF);
        if (utf16) {
            return false;
        }
        int control = 0;
        for (byte b : head) {
            int c = b & 0xFF;
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1A) || c == 0x7F) {
                control++;
            }
        }
        return control > head.length / 50;
    }
}
