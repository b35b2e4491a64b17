package fr.mel.opale.catalog.dcat;

import org.jspecify.annotations.Nullable;

/**
 * Which page of the catalog an export holds, for its Hydra paging node.
 *
 * @param page   one-based page number (Hydra and CKAN's DCAT harvesters count from 1)
 * @param size   records per page, at least 1
 * @param total  public records in the whole catalog
 * @param format the {@code format} parameter to repeat in page links, null when the client negotiated by Accept
 */
public record DcatPaging(int page, int size, long total, @Nullable String format) {
    public DcatPaging {
        if (page < 1 || size < 1 || total < 0) {
            throw new IllegalArgumentException("Pagination invalide : page " + page + ", taille " + size);
        }
    }

    /** The last page number; 1 for an empty catalog, so "first" and "last" always exist. */
    public int lastPage() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    boolean hasNext() {
        return page < lastPage();
    }

    boolean hasPrevious() {
        return page > 1;
    }
}
