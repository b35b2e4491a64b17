package fr.mel.opale.web.dataset;

import fr.mel.opale.data.Bbox;
import fr.mel.opale.data.Column;
import fr.mel.opale.data.DataProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The table tab's state, all in its address (so that it is bookmarked, shared and restored by Back, with or without
 * JavaScript): {@code q} (text in any text column), {@code f.<column>} (a column's filter), {@code tri} ({@code col}
 * or {@code -col}), {@code page} (from 1), {@code taille} (rows a page, 10 to 200) and {@code emprise}
 * ({@code west,south,east,north}, set from the map). Unknown columns are ignored; malformed numbers fall back to the
 * defaults, a malformed extent is a 400.
 */
public record TableRequest(@Nullable String text, Map<String, String> filters, @Nullable String sort,
                           boolean descending, int page, int size, @Nullable Bbox bbox) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    /** The deepest row reachable by paging: beyond, offsets cost more than people gain (filter instead). */
    public static final long MAX_OFFSET = 100_000;

    public TableRequest {
        filters = Map.copyOf(filters);
    }

    public static TableRequest read(HttpServletRequest request, List<Column> columns) {
        Map<String, String> filters = new LinkedHashMap<>();
        for (Column column : columns) {
            String value = request.getParameter("f." + column.name());
            if (value != null && !value.isBlank()) {
                filters.put(column.name(), value.strip());
            }
        }
        String sort = request.getParameter("tri");
        boolean descending = sort != null && sort.startsWith("-");
        String asked = sort == null ? null : descending ? sort.substring(1) : sort;
        String sortName = asked != null && columns.stream().anyMatch(c -> c.name().equals(asked)) ? asked : null;
        int size = Math.min(MAX_SIZE, Math.max(10, number(request.getParameter("taille"), DEFAULT_SIZE)));
        int page = Math.max(1, number(request.getParameter("page"), 1));
        page = (int) Math.min(page, MAX_OFFSET / size + 1);
        String q = request.getParameter("q");
        return new TableRequest(q == null || q.isBlank() ? null : q.strip(), filters, sortName,
                sortName != null && descending, page, size, bbox(request.getParameter("emprise")));
    }

    private static int number(@Nullable String raw, int fallback) {
        try {
            return raw == null ? fallback : Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static @Nullable Bbox bbox(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String[] parts = raw.split(",");
        if (parts.length != 4) {
            throw DataProblem.invalidQuery("Emprise « " + raw + " » incomprise : quatre nombres ouest,sud,est,nord.");
        }
        try {
            return new Bbox(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]), Double.parseDouble(parts[2]),
                    Double.parseDouble(parts[3]));
        } catch (NumberFormatException e) {
            throw DataProblem.invalidQuery("Emprise « " + raw + " » incomprise : quatre nombres ouest,sud,est,nord.");
        }
    }

    /** This state over the whole dataset (the map's extent dropped). */
    public TableRequest withoutBbox() {
        return new TableRequest(text, filters, sort, descending, page, size, null);
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    /** The address of this state with another page, sort or nothing else changed. */
    public String href(String base, int toPage, @Nullable String toSort, boolean toDescending) {
        List<String> parts = new ArrayList<>();
        if (text != null) {
            parts.add("q=" + encode(text));
        }
        filters.forEach((name, value) -> parts.add("f." + name + "=" + encode(value)));
        if (toSort != null) {
            parts.add("tri=" + (toDescending ? "-" : "") + toSort);
        }
        if (bbox != null) {
            parts.add("emprise=" + bbox.west() + "," + bbox.south() + "," + bbox.east() + "," + bbox.north());
        }
        if (size != DEFAULT_SIZE) {
            parts.add("taille=" + size);
        }
        if (toPage > 1) {
            parts.add("page=" + toPage);
        }
        return parts.isEmpty() ? base : base + "?" + String.join("&", parts);
    }

    /** This state at another page. */
    public String pageHref(String base, int toPage) {
        return href(base, toPage, sort, descending);
    }

    /** The address sorting on {@code column}: ascending first, descending when it already sorts ascending. */
    public String sortHref(String base, String column) {
        boolean next = column.equals(sort) && !descending;
        return href(base, 1, column, next);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
