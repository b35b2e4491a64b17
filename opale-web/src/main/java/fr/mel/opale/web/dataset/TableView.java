package fr.mel.opale.web.dataset;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One page of the table, ready to write: columns with their titles and sort state, rows of formatted cells.
 *
 * @param matched   rows matching the filters (all pages)
 * @param cql2      the filters as CQL2 (what the API is asked), null when none
 * @param errors    per column name ({@code ""}: the text search), why its filter was not applied
 * @param itemsUrl  the same rows from the OGC API (JSON)
 */
public record TableView(TableRequest request, List<ColumnView> columns, List<RowView> rows, long matched,
                        @Nullable String cql2, Map<String, String> errors, String itemsUrl, String base) {
    /** A column: {@code sort} is "ascending", "descending" or "none" (aria-sort). */
    public record ColumnView(String name, String title, String type, boolean numeric, String sort, String sortHref,
                             @Nullable String filter) {
    }

    /** A row: its feature id (links to the item) and its cells, in column order. */
    public record RowView(long fid, List<String> cells) {
    }

    /**
     * Which sentence of {@code dataset.table.status} describes this page, as its words agree with the numbers: 0 no
     * matching row, 1 exactly one, and of many: 2 none shown (past the last page), 3 one shown, 4 a range.
     */
    public int statusCase() {
        if (matched <= 1) {
            return (int) Math.max(0, matched);
        }
        return rows.isEmpty() ? 2 : rows.size() == 1 ? 3 : 4;
    }

    public long firstRow() {
        return rows.isEmpty() ? 0 : request.offset() + 1;
    }

    public long lastRow() {
        return request.offset() + rows.size();
    }

    public int lastPage() {
        long pages = (matched + request.size() - 1) / request.size();
        return (int) Math.max(1, Math.min(pages, TableRequest.MAX_OFFSET / request.size() + 1));
    }

    public @Nullable String previousHref() {
        return request.page() > 1 ? request.pageHref(base, request.page() - 1) : null;
    }

    public @Nullable String nextHref() {
        return request.page() < lastPage() ? request.pageHref(base, request.page() + 1) : null;
    }
}
