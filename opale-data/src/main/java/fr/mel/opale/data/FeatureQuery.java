package fr.mel.opale.data;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What to read from a dataset version; immutable, built with the {@code with...} methods from {@link #all()}.
 * Filters compose (each is a no-op when absent); results always come in {@code _fid} order.
 *
 * @param version    the version to read; null for the current (served) one
 * @param bbox       keep features whose geometry intersects it (none without geometry); null for no spatial filter
 * @param properties the columns to return, by safe name, in this order; null for all. Unknown names are a 400.
 * @param geometry   whether to read geometries (false spares the work for tables and CSV without geometry)
 * @param afterFid   keyset paging: only features with {@code _fid > afterFid} (0 = from the start). Deep pages
 *                   cost the same as the first, unlike {@code offset}
 * @param offset     features to skip after the other filters (honoured, but costs linear time)
 * @param limit      at most this many features ({@link #UNLIMITED} for all, e.g. downloads)
 */
public record FeatureQuery(@Nullable Integer version, @Nullable Bbox bbox, @Nullable List<String> properties,
                           boolean geometry, long afterFid, long offset, long limit) {
    public static final long UNLIMITED = Long.MAX_VALUE;

    public FeatureQuery {
        properties = properties == null ? null : List.copyOf(properties);
        if (afterFid < 0 || offset < 0 || limit < 0) {
            throw DataProblem.invalidQuery("Pagination invalide : after, offset et limit doivent être positifs.");
        }
    }

    /** Every feature of the current version, with all properties and geometries. */
    public static FeatureQuery all() {
        return new FeatureQuery(null, null, null, true, 0, 0, UNLIMITED);
    }

    public FeatureQuery withVersion(@Nullable Integer v) {
        return new FeatureQuery(v, bbox, properties, geometry, afterFid, offset, limit);
    }

    public FeatureQuery withBbox(@Nullable Bbox box) {
        return new FeatureQuery(version, box, properties, geometry, afterFid, offset, limit);
    }

    public FeatureQuery withProperties(@Nullable List<String> names) {
        return new FeatureQuery(version, bbox, names, geometry, afterFid, offset, limit);
    }

    public FeatureQuery withGeometry(boolean read) {
        return new FeatureQuery(version, bbox, properties, read, afterFid, offset, limit);
    }

    public FeatureQuery after(long fid) {
        return new FeatureQuery(version, bbox, properties, geometry, fid, offset, limit);
    }

    public FeatureQuery withOffset(long skip) {
        return new FeatureQuery(version, bbox, properties, geometry, afterFid, skip, limit);
    }

    public FeatureQuery withLimit(long max) {
        return new FeatureQuery(version, bbox, properties, geometry, afterFid, offset, max);
    }
}
