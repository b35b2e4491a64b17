package fr.mel.opale.ingest;

import org.jspecify.annotations.Nullable;

/**
 * Something the producer should know about a file that was nevertheless read: a stable {@code code} (for tests,
 * filters and translations), a French {@code message}, and where it happened when that is one place.
 *
 * @param row    for text formats the physical line in the file (1-based, header included); for the others the
 *               1-based record (feature, row) number; null when the warning is about the whole file
 * @param column the original label of the column concerned, or null
 */
public record ReadWarning(String code, String message, @Nullable Long row, @Nullable String column) {
    public static ReadWarning of(String code, String message) {
        return new ReadWarning(code, message, null, null);
    }
}
