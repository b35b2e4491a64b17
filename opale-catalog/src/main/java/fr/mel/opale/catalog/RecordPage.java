package fr.mel.opale.catalog;

import java.util.List;

/**
 * A page of records.
 *
 * @param page  zero-based page number
 * @param total exact number of records the viewer may see for this query
 */
public record RecordPage<T>(List<T> items, int page, int size, long total) {
    public int pageCount() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
