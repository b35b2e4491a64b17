package fr.mel.opale.data.internal;

import fr.mel.opale.data.Column;
import fr.mel.opale.data.DatasetVersion;
import fr.mel.opale.data.filter.Filter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one reader may read of one dataset: the rows (its row rule bound to the reader's values; null: all rows) and
 * the columns (those hidden from them left out). {@link #key()} names the scope in caches shared by readers (tiles,
 * aggregates): two readers share an entry only when they see the same rows and columns.
 */
public record ReadScope(@Nullable Filter rows, Set<String> hiddenColumns, String key) {
    public static final ReadScope ALL = new ReadScope(null, Set.of(), "all");

    public ReadScope {
        hiddenColumns = Set.copyOf(hiddenColumns);
    }

    /** A scope keyed by a digest of what it says (the reader's values are not written out in ETags). */
    public static ReadScope of(@Nullable Filter rows, Set<String> hiddenColumns) {
        if (rows == null && hiddenColumns.isEmpty()) {
            return ALL;
        }
        String described = rows + "|" + hiddenColumns.stream().sorted().toList();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(described.getBytes(StandardCharsets.UTF_8));
            return new ReadScope(rows, hiddenColumns, HexFormat.of().formatHex(digest, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The version as this reader sees it: hidden columns left out (filters and groupings on them are unknown). */
    public DatasetVersion apply(DatasetVersion version) {
        if (hiddenColumns.isEmpty()) {
            return version;
        }
        List<Column> visible = version.columns().stream().filter(c -> !hiddenColumns.contains(c.name())).toList();
        return new DatasetVersion(version.datasetId(), version.number(), version.tableName(), version.status(),
                version.rowCount(), visible, version.geometry(), version.bbox(), version.contentHash(),
                version.created(), version.finished(), version.message());
    }
}
