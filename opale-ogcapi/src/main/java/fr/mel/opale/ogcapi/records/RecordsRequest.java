package fr.mel.opale.ogcapi.records;

import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.data.Bbox;
import fr.mel.opale.data.filter.Operand;
import fr.mel.opale.ogcapi.OgcApiProblem;
import fr.mel.opale.ogcapi.core.Abbreviation;
import fr.mel.opale.ogcapi.core.BboxParameter;
import fr.mel.opale.ogcapi.core.DatetimeParameter;
import fr.mel.opale.ogcapi.crs.SupportedCrs;
import fr.mel.opale.search.Facet;
import fr.mel.opale.search.SearchOrder;
import fr.mel.opale.search.SearchPeriod;
import fr.mel.opale.search.SearchQuery;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The query parameters of {@code /collections/catalog/items}, validated and turned into one {@link SearchQuery}.
 * Each parameter is read by a small method that is a no-op when the parameter is absent or blank (an empty value
 * means no filter, as Records' {@code /conf/record-core-query-parameters/empty-value} asks); anything malformed is a
 * 400 naming the parameter, never a 500.
 *
 * <p>Comma-separated lists: {@code q} (terms, any of them), {@code type}, {@code ids}, {@code externalIds}. Repeated
 * parameters: {@code category}, {@code keyword}, {@code organisation} (their values may hold commas: an organisation
 * name, a keyword label); several values of one of them select records having any, different parameters combine
 * with AND.
 */
final class RecordsRequest {
    /** The parameter names accepted besides {@code f}, in the order the OpenAPI document lists them. */
    static final List<String> PARAMETERS = List.of("q", "bbox", "datetime", "type", "ids", "externalIds", "category",
            "keyword", "organisation", "sortby", "limit", "offset");
    /** Deep paging is bounded: the search engine collects {@code offset + limit} hits to return the last ones. */
    static final int MAX_OFFSET = 100_000;
    /** Values in one list parameter at most. */
    static final int MAX_VALUES = 100;
    private static final ZoneId LOCAL = ZoneId.of("Europe/Paris");
    private static final Map<String, SearchOrder.Field> SORTABLES = Map.of("title", SearchOrder.Field.TITLE,
            "updated", SearchOrder.Field.MODIFIED, "created", SearchOrder.Field.CREATED);

    private final HttpServletRequest request;
    private final SearchQuery.Builder query = SearchQuery.builder();
    private int limit;
    private int offset;

    private RecordsRequest(HttpServletRequest request, RecordsSettings settings) {
        this.request = request;
        this.limit = settings.defaultLimit();
        text();
        bbox();
        datetime();
        list("type", values -> query.filter(Facet.KIND, values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList()));
        list("ids", query::ids);
        list("externalIds", query::externalIds);
        repeated("category", Facet.CATEGORY);
        repeated("keyword", Facet.KEYWORD);
        repeated("organisation", Facet.ORGANISATION);
        sortby();
        readLimit(settings.maxLimit());
        readOffset();
    }

    /** Reads the request's parameters (unknown ones must have been refused before). */
    static RecordsRequest of(HttpServletRequest request, RecordsSettings settings) {
        return new RecordsRequest(request, settings);
    }

    SearchQuery query() {
        try {
            return query.size(limit).offset(offset).build();
        } catch (IllegalArgumentException e) {
            // The text is the only part the builder may still refuse (its length).
            throw OgcApiProblem.badParameter("q", "recherche trop longue (" + SearchQuery.MAX_TEXT_LENGTH
                    + " caractères au plus).");
        }
    }

    int limit() {
        return limit;
    }

    int offset() {
        return offset;
    }

    private @Nullable String value(String name) {
        String raw = request.getParameter(name);
        return raw == null || raw.isBlank() ? null : raw.strip();
    }

    /** {@code q}: comma-separated terms, a record matching any of them (each in the search's simple syntax). */
    private void text() {
        String q = value("q");
        if (q == null) {
            return;
        }
        if (q.length() > SearchQuery.MAX_TEXT_LENGTH) {
            throw OgcApiProblem.badParameter("q", "recherche trop longue (" + SearchQuery.MAX_TEXT_LENGTH
                    + " caractères au plus).");
        }
        List<String> terms = Arrays.stream(q.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        query.text(terms.size() == 1 ? terms.get(0)
                : terms.stream().map(t -> "(" + t + ")").collect(Collectors.joining(" | ")));
    }

    /** {@code bbox}: Features' parameter in CRS84; west above east crosses the antimeridian. */
    private void bbox() {
        String raw = value("bbox");
        if (raw == null) {
            return;
        }
        Bbox box = BboxParameter.parse(raw, SupportedCrs.CRS84);
        query.bbox(new BoundingBox(box.west(), box.south(), box.east(), box.north()));
    }

    /**
     * {@code datetime}: Features' parameter, matched against the resources' temporal extents, which are dates: a
     * timestamp stands for its day in Europe/Paris.
     */
    private void datetime() {
        String raw = value("datetime");
        if (raw == null) {
            return;
        }
        Operand.Interval period = DatetimeParameter.parse(raw);
        query.period(new SearchPeriod(day(period.start()), day(period.end())));
    }

    private static @Nullable LocalDate day(@Nullable Object bound) {
        return bound instanceof Instant instant ? instant.atZone(LOCAL).toLocalDate() : (LocalDate) bound;
    }

    /** A comma-separated list parameter, bounded to {@value #MAX_VALUES} values. */
    private void list(String name, java.util.function.Consumer<List<String>> apply) {
        String raw = value(name);
        if (raw == null) {
            return;
        }
        List<String> values = Arrays.stream(raw.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
        if (values.size() > MAX_VALUES) {
            throw OgcApiProblem.badParameter(name, MAX_VALUES + " valeurs au plus.");
        }
        apply.accept(values);
    }

    /** A facet filter given by repeated parameters (values may hold commas). */
    private void repeated(String name, Facet facet) {
        String[] raw = request.getParameterValues(name);
        if (raw == null) {
            return;
        }
        if (raw.length > MAX_VALUES) {
            throw OgcApiProblem.badParameter(name, MAX_VALUES + " valeurs au plus.");
        }
        List<String> values = new ArrayList<>();
        for (String value : raw) {
            if (value != null && !value.isBlank()) {
                values.add(value.strip());
            }
        }
        query.filter(facet, values);
    }

    /** {@code sortby}: one key among title, updated, created, prefixed by {@code +} (default) or {@code -}. */
    private void sortby() {
        String raw = value("sortby");
        if (raw == null) {
            return;
        }
        if (raw.contains(",")) {
            throw OgcApiProblem.badParameter("sortby", "une seule clé de tri est acceptée (title, updated ou "
                    + "created, précédée de + ou -).");
        }
        // '+' unencoded in a query string arrives as a space, stripped above: no sign is ascending as well.
        boolean ascending = !raw.startsWith("-");
        String key = raw.startsWith("-") || raw.startsWith("+") ? raw.substring(1).strip() : raw;
        SearchOrder.Field field = SORTABLES.get(key);
        if (field == null) {
            throw OgcApiProblem.badParameter("sortby", "clé « " + Abbreviation.of(key) + " » inconnue : title, "
                    + "updated ou created, précédée de + (croissant, par défaut) ou - (décroissant).");
        }
        query.order(new SearchOrder(field, ascending));
    }

    /** {@code limit}: 1 or more; beyond the maximum, the maximum (clamped, not refused). */
    private void readLimit(int max) {
        String raw = value("limit");
        if (raw == null) {
            return;
        }
        if (!raw.matches("\\+?\\d{1,30}")) {
            throw OgcApiProblem.badParameter("limit", "un entier entre 1 et " + max + " est attendu (reçu « "
                    + Abbreviation.of(raw) + " »).");
        }
        String digits = raw.replaceFirst("^\\+?0*", "");
        long value = digits.isEmpty() ? 0 : digits.length() > 9 ? Long.MAX_VALUE : Long.parseLong(digits);
        if (value < 1) {
            throw OgcApiProblem.badParameter("limit", "un entier entre 1 et " + max + " est attendu (reçu 0).");
        }
        limit = (int) Math.min(value, max);
    }

    /** {@code offset}: the number of records to skip, 0 to {@value #MAX_OFFSET}. */
    private void readOffset() {
        String raw = value("offset");
        if (raw == null) {
            return;
        }
        if (!raw.matches("\\+?\\d{1,30}")) {
            throw OgcApiProblem.badParameter("offset", "un entier positif ou nul est attendu (reçu « "
                    + Abbreviation.of(raw) + " »).");
        }
        String digits = raw.replaceFirst("^\\+?0*", "");
        if (digits.length() > 6 || (!digits.isEmpty() && Integer.parseInt(digits) > MAX_OFFSET)) {
            throw OgcApiProblem.badParameter("offset", MAX_OFFSET + " au plus ; affinez la recherche.");
        }
        offset = digits.isEmpty() ? 0 : Integer.parseInt(digits);
    }
}
