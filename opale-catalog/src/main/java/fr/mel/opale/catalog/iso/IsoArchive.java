package fr.mel.opale.catalog.iso;

import fr.mel.opale.catalog.CatalogProblem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a ZIP of metadata files defensively: bounded entry count, entry size and total decompressed size (a zip
 * bomb stops at the bound, whatever its compression ratio), and no entry name that could escape a directory
 * (zip-slip) even though we never write entries to disk — such a name betrays a hostile or broken archive.
 * Directories are skipped. Each violation refuses the whole archive, naming the entry.
 */
public final class IsoArchive {
    public static final int MAX_ENTRIES = 10_000;
    public static final long MAX_TOTAL_BYTES = 512L * 1024 * 1024;

    /** One file of the archive, fully read. */
    public record Entry(String name, byte[] content) {
    }

    private IsoArchive() {
    }

    public static List<Entry> read(InputStream zip) {
        List<Entry> entries = new ArrayList<>();
        long total = 0;
        int seen = 0;
        try (ZipInputStream in = new ZipInputStream(zip)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                seen++;
                if (seen > MAX_ENTRIES) {
                    throw CatalogProblem.tooLarge("L'archive contient plus de " + MAX_ENTRIES + " fichiers.");
                }
                String name = entry.getName();
                checkName(name);
                if (entry.isDirectory()) {
                    continue;
                }
                byte[] content = readBounded(in, name, MAX_TOTAL_BYTES - total);
                total += content.length;
                entries.add(new Entry(name, content));
            }
        } catch (ZipException e) {
            throw CatalogProblem.importRejected("Le fichier n'est pas une archive ZIP lisible : " + e.getMessage(), List.of());
        } catch (IOException e) {
            throw CatalogProblem.importRejected("L'archive n'a pas pu être lue jusqu'au bout : " + e.getMessage(), List.of());
        }
        if (seen == 0) {
            throw CatalogProblem.importRejected("L'archive ZIP est vide ou n'est pas une archive ZIP.", List.of());
        }
        return entries;
    }

    private static void checkName(String name) {
        String normalised = name.replace('\\', '/');
        boolean escapes = normalised.startsWith("/") || normalised.matches("^[A-Za-z]:.*")
                || List.of(normalised.split("/")).contains("..") || name.indexOf('\0') >= 0;
        if (escapes) {
            throw CatalogProblem.importRejected("L'archive est refusée : le fichier « " + name
                    + " » a un chemin qui sort du dossier de l'archive.",
                    List.of(new CatalogProblem.FileError(name, "Chemin interdit (« .. » ou chemin absolu).")));
        }
    }

    private static byte[] readBounded(InputStream in, String name, long remainingTotal) throws IOException {
        boolean entryBound = IsoReader.MAX_BYTES <= remainingTotal;
        long limit = Math.min(IsoReader.MAX_BYTES, remainingTotal);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        long read = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            read += n;
            if (read > limit) {
                throw CatalogProblem.tooLarge(entryBound
                        ? "Le fichier « " + name + " » de l'archive dépasse " + IsoReader.MAX_BYTES / (1024 * 1024)
                          + " Mo une fois décompressé."
                        : "L'archive dépasse " + MAX_TOTAL_BYTES / (1024 * 1024) + " Mo une fois décompressée.");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
