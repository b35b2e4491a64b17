package fr.mel.opale.ogcapi.core;

import fr.mel.opale.data.Bbox;
import fr.mel.opale.data.FeatureQuery;
import fr.mel.opale.data.SortKey;
import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.ogcapi.crs.SupportedCrs;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An items request being built from its query parameters (each {@link ItemsParameter} sets its part), then turned
 * into the data store's {@link FeatureQuery}. One per HTTP request; not thread-safe.
 */
public final class ItemsRequest {
    private final OgcCollection collection;
    private long limit;
    private long offset;
    private long afterFid;
    private @Nullable Bbox bbox;
    private SupportedCrs crs = SupportedCrs.CRS84;
    private SupportedCrs bboxCrs = SupportedCrs.CRS84;
    private SupportedCrs filterCrs = SupportedCrs.CRS84;
    private String filterLanguage = "cql2-text";
    private final List<Filter> filters = new ArrayList<>();
    private @Nullable List<String> properties;
    private List<SortKey> sortBy = List.of();

    public ItemsRequest(OgcCollection collection, long defaultLimit) {
        this.collection = collection;
        this.limit = defaultLimit;
    }

    public OgcCollection collection() {
        return collection;
    }

    /**
     * The data store query: filters ANDed, keyset position, offset, limit, sort, selected properties — on the
     * version the collection was resolved with (whose columns validated the request), so that a version switch
     * between the count and the page cannot mix two versions in one answer.
     */
    public FeatureQuery query() {
        return FeatureQuery.all().withVersion(collection.version().number()).withBbox(bbox).withFilter(filters.isEmpty() ? null : Filter.and(filters))
                .withProperties(properties).withSortBy(sortBy).after(afterFid).withOffset(offset).withLimit(limit);
    }

    /** The same selection without paging, for {@code numberMatched}. */
    public FeatureQuery countQuery() {
        return FeatureQuery.all().withVersion(collection.version().number()).withBbox(bbox)
                .withFilter(filters.isEmpty() ? null : Filter.and(filters));
    }

    public long limit() {
        return limit;
    }

    public void limit(long value) {
        this.limit = value;
    }

    public long offset() {
        return offset;
    }

    public void offset(long value) {
        this.offset = value;
    }

    public long afterFid() {
        return afterFid;
    }

    /** Keyset position from a cursor: features after {@code fid}, the first being number {@code position} (0-based). */
    public void cursor(long fid, long position) {
        this.afterFid = fid;
        this.offset = 0;
        this.position = position;
    }

    private long position = -1;

    /** 0-based rank of the first feature returned, among all matching. */
    public long position() {
        return position >= 0 ? position : offset;
    }

    public boolean keyset() {
        return sortBy.isEmpty();
    }

    public void bbox(Bbox value) {
        this.bbox = value;
    }

    public SupportedCrs crs() {
        return crs;
    }

    public void crs(SupportedCrs value) {
        this.crs = value;
    }

    public SupportedCrs bboxCrs() {
        return bboxCrs;
    }

    public void bboxCrs(SupportedCrs value) {
        this.bboxCrs = value;
    }

    public SupportedCrs filterCrs() {
        return filterCrs;
    }

    public void filterCrs(SupportedCrs value) {
        this.filterCrs = value;
    }

    public String filterLanguage() {
        return filterLanguage;
    }

    public void filterLanguage(String value) {
        this.filterLanguage = value;
    }

    public void addFilter(Filter filter) {
        filters.add(filter);
    }

    public void properties(List<String> names) {
        this.properties = names;
    }

    public @Nullable List<String> properties() {
        return properties;
    }

    public void sortBy(List<SortKey> keys) {
        this.sortBy = keys;
    }
}
