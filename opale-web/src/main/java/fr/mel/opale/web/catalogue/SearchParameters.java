package fr.mel.opale.web.catalogue;

import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.search.Facet;
import fr.mel.opale.search.SearchProblem;
import fr.mel.opale.search.SearchQuery;
import fr.mel.opale.search.SearchSort;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the catalogue page's address into a {@link SearchQuery} — the inverse of {@link SearchUrls}. The same
 * parameters as {@code /api/search}, except that {@code page} counts from 1 as people do.
 *
 * <p>Unknown facet values are kept (they select nothing: an empty result, never an error). A malformed page, size,
 * order or box, or a text longer than {@value SearchQuery#MAX_TEXT_LENGTH} characters, throws {@link SearchProblem}:
 * the page answers 400 with the French error page, never a 500 and never a silently different search.
 */
public final class SearchParameters {
    /** Deep enough for any real catalogue; beyond, a page number is nonsense (and the index would page forever). */
    static final int MAX_PAGE = 100_000;
    private static final String BOX_FORMAT = "L'emprise doit s'écrire minx,miny,maxx,maxy en degrés WGS84.";

    private SearchParameters() {
    }

    static SearchQuery read(HttpServletRequest request, Locale language) {
        return read(request, language, List.of());
    }

    /** The search of the address, within the records of {@code owners} (organisation slugs; empty: every record). */
    public static SearchQuery read(HttpServletRequest request, Locale language, List<String> owners) {
        // getParameterValues, not Spring binding to List<String>: binding splits one value at its commas, and
        // organisation names and licences contain commas ("Environnement, énergie").
        String text = request.getParameter("q");
        if (text != null && text.strip().length() > SearchQuery.MAX_TEXT_LENGTH) {
            throw SearchProblem.invalid("Le texte recherché dépasse " + SearchQuery.MAX_TEXT_LENGTH + " caractères.");
        }
        SearchQuery.Builder query = SearchQuery.builder()
                .text(text)
                .bbox(box(request.getParameter("bbox")))
                .sort(sort(request.getParameter("sort")))
                .page(number(request.getParameter("page"), 1, 1, MAX_PAGE,
                        "Le numéro de page doit être un entier de 1 à " + MAX_PAGE + ".") - 1)
                .size(number(request.getParameter("size"), SearchQuery.DEFAULT_SIZE, 1, SearchQuery.MAX_SIZE,
                        "La taille de page doit être un entier de 1 à " + SearchQuery.MAX_SIZE + "."))
                .language(language)
                .owners(owners);
        for (Facet facet : Facet.values()) {
            String[] values = request.getParameterValues(facet.parameter());
            if (values != null) {
                query.filter(facet, List.of(values));
            }
        }
        return query.build();
    }

    private static @Nullable SearchSort sort(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return SearchSort.ofParameter(value).orElseThrow(() -> SearchProblem.invalid(
                "Ordre inconnu : relevance, title, modified ou score."));
    }

    private static int number(@Nullable String value, int absent, int min, int max, String message) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // same answer as out of range
        }
        throw SearchProblem.invalid(message);
    }

    /** The same rules as {@code /api/search}: four finite numbers, longitudes within ±180, latitudes within ±90. */
    static @Nullable BoundingBox box(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split(",", -1);
        if (parts.length != 4) {
            throw SearchProblem.invalid(BOX_FORMAT);
        }
        double[] numbers = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw SearchProblem.invalid(BOX_FORMAT);
            }
            if (!Double.isFinite(numbers[i])) {
                throw SearchProblem.invalid(BOX_FORMAT);
            }
        }
        if (numbers[1] > numbers[3] || Math.abs(numbers[0]) > 180 || Math.abs(numbers[2]) > 180
                || Math.abs(numbers[1]) > 90 || Math.abs(numbers[3]) > 90) {
            throw SearchProblem.invalid(BOX_FORMAT);
        }
        return new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
    }
}
