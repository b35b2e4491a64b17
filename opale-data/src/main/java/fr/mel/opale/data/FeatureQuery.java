package fr.mel.opale.data;

import fr.mel.opale.data.filter.Filter;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What to read from a dataset version; immutable, built with the {@code with...} methods from {@link #all()}.
 * Filters compose (each is a no-op when absent); results come in {@code _fid} order unless sorted.
 *
 * @param version    the version to read; null for the current (served) one
 * @param bbox       keep features whose geometry intersects it (none without geometry); null for no spatial filter
 * @param properties the columns to return, by safe name, in this order; null for all. Unknown names are a 400.
 * @param geometry   whether to read geometries (false spares the work for tables and CSV without geometry)
 * @param afterFid   keyset paging: only features with {@code _fid > afterFid} (0 = from the start). Deep pages
 *                   cost the same as the first, unlike {@code offset}. Only in {@code _fid} order (no sortBy)
 * @param offset     features to skip after the other filters (honoured, but costs linear time)
 * @param limit      at most this many features ({@link #UNLIMITED} for all, e.g. downloads)
 * @param filter     a condition on properties, geometry and dates (CQL2, datetime, attribute parameters); null for
 *                   none. Translated to parameterised SQL; unknown properties or mistyped literals are a 400
 * @param sortBy     ordering keys before {@code _fid} (which always breaks ties, so pages are stable); empty for
 *                   {@code _fid} order
 */
public record FeatureQuery(@Nullable Integer version, @Nullable Bbox bbox, @Nullable List<String> properties,
                           boolean geometry, long afterFid, long offset, long limit, @Nullable Filter filter,
                           List<SortKey> sortBy) {
    public static final long UNLIMITED = Long.MAX_VALUE;

    public FeatureQuery {
        properties = properties == null ? null : List.copyOf(properties);
        sortBy = sortBy == null ? List.of() : List.copyOf(sortBy);
        if (afterFid < 0 || offset < 0 || limit < 0) {
            throw DataProblem.invalidQuery("Pagination invalide : after, offset et limit doivent être positifs.");
        }
        if (afterFid > 0 && !sortBy.isEmpty()) {
            throw DataProblem.invalidQuery("La pagination par curseur ne s'applique qu'à l'ordre naturel (sans tri).");
        }
    }

    /** Every feature of the current version, with all properties and geometries. */
    public static FeatureQuery all() {
        return new FeatureQuery(null, null, null, true, 0, 0, UNLIMITED, null, List.of());
    }

    public FeatureQuery withVersion(@Nullable Integer v) {
        return new FeatureQuery(v, bbox, properties, geometry, afterFid, offset, limit, filter, sortBy);
    }

    public FeatureQuery withBbox(@Nullable Bbox box) {
        return new FeatureQuery(version, box, properties, geometry, afterFid, offset, limit, filter, sortBy);
    }

    public FeatureQuery withProperties(@Nullable List<String> names) {
        return new FeatureQuery(version, bbox, names, geometry, afterFid, offset, limit, filter, sortBy);
    }

    public FeatureQuery withGeometry(boolean read) {
        return new FeatureQuery(version, bbox, properties, read, afterFid, offset, limit, filter, sortBy);
    }

    public FeatureQuery after(long fid) {
        return new FeatureQuery(version, bbox, properties, geometry, fid, offset, limit, filter, sortBy);
    }

    public FeatureQuery withOffset(long skip) {
        return new FeatureQuery(version, bbox, properties, geometry, afterFid, skip, limit, filter, sortBy);
    }

    public FeatureQuery withLimit(long max) {
        return new FeatureQuery(version, bbox, properties, geometry, afterFid, offset, max, filter, sortBy);
    }

    /** Replaces the filter (combine several with {@link Filter#and}). */
    public FeatureQuery withFilter(@Nullable Filter condition) {
        return new FeatureQuery(version, bbox, properties, geometry, afterFid, offset, limit, condition, sortBy);
    }

    public FeatureQuery withSortBy(List<SortKey> keys) {
        return new FeatureQuery(version, bbox, properties, geometry, afterFid, offset, limit, filter, keys);
    }
}
