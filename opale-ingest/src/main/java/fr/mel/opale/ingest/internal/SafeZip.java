package fr.mel.opale.ingest.internal;

import fr.mel.opale.ingest.Limits;
import fr.mel.opale.ingest.UnreadableFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.commons.io.input.ProxyInputStream;

/**
 * A ZIP archive opened defensively: its listing is checked before anything is inflated (entry count, names that
 * climb out of the archive or are absolute — zip-slip), and every member is read through a counter that stops a
 * zip bomb by total inflated size and by compression ratio. Members are streamed, never extracted to disk under
 * their own names.
 */
final class SafeZip implements AutoCloseable {
    private final ZipFile zip;
    private final List<ZipEntry> entries;
    private final Limits limits;
    private final String name;
    private long inflated;

    SafeZip(Path file, String name, Limits limits) {
        this.limits = limits;
        this.name = name;
        try {
            this.zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new UnreadableFile("zip-invalid", "L'archive « " + name + " » est endommagée ou n'est pas un ZIP.", e);
        } catch (IOException e) {
            throw new UnreadableFile("read-error", "Lecture impossible de « " + name + " » : " + e.getMessage(), e);
        }
        try {
            if (zip.size() > limits.maxZipEntries()) {
                throw new UnreadableFile("zip-too-many-entries", "L'archive « " + name + " » contient " + zip.size()
                        + " fichiers, plus que les " + limits.maxZipEntries() + " acceptés.");
            }
            List<ZipEntry> list = new ArrayList<>();
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String entryName = entry.getName();
                if (entryName.contains("..") && isClimbing(entryName) || entryName.startsWith("/")
                        || entryName.startsWith("\\") || entryName.matches("^[A-Za-z]:.*")) {
                    throw new UnreadableFile("zip-slip", "L'archive « " + name + " » contient un chemin dangereux ("
                            + entryName + ") : refusée.");
                }
                list.add(entry);
            }
            this.entries = List.copyOf(list);
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
    }

    private static boolean isClimbing(String entryName) {
        for (String part : entryName.split("[/\\\\]")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    List<ZipEntry> entries() {
        return entries;
    }

    /** The member's bytes, counted against the archive's limits as they are inflated. */
    InputStream open(ZipEntry entry) throws IOException {
        InputStream raw = zip.getInputStream(entry);
        long compressed = Math.max(entry.getCompressedSize(), 1);
        // ProxyInputStream reports every read, single bytes and arrays alike, to afterRead.
        return new ProxyInputStream(raw) {
            private long read;

            @Override
            protected void afterRead(int n) {
                if (n > 0) {
                    count(n);
                }
            }

            private void count(int n) {
                read += n;
                inflated += n;
                if (inflated > limits.maxUnzippedBytes()) {
                    throw new UnreadableFile("zip-bomb", "L'archive « " + name + " » se décompresse au-delà de "
                            + limits.maxUnzippedBytes() / (1024 * 1024) + " Mo : refusée (bombe ZIP ?).");
                }
                if (read > (1 << 20) && read / compressed > limits.maxCompressionRatio()) {
                    throw new UnreadableFile("zip-bomb", "Le fichier « " + entry.getName() + " » de l'archive « "
                            + name + " » est compressé plus de " + limits.maxCompressionRatio()
                            + " fois : refusé (bombe ZIP ?).");
                }
            }
        };
    }

    private void closeQuietly() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing more to do
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
