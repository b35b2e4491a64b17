package fr.mel.opale.web.catalogue;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The page links under a list: previous, a window of numbers around the current page with the first and last
 * always reachable, next. Page numbers are 1-based, as people count them and as they appear in the URL.
 *
 * @param links a page number each, or {@code null} for a gap ("…")
 */
public record Pagination(int current, int pageCount, @Nullable String previousUrl, @Nullable String nextUrl,
                         List<@Nullable PageLink> links) {
    private static final int AROUND = 2;

    public record PageLink(int number, String url, boolean current) {
    }

    /** Whether there is more than one page, i.e. whether to show the navigation at all. */
    public boolean shown() {
        return pageCount > 1;
    }

    /**
     * @param path   the list's path, e.g. {@code /catalogue}
     * @param params its other parameters (e.g. {@code q}), kept in every link; {@code page} is added, except for
     *               page 1 whose canonical address has none
     */
    static Pagination of(int current, int pageCount, String path, Map<String, String> params) {
        return of(current, pageCount, number -> url(path, params, number));
    }

    /** @param url the address of a (1-based) page number */
    static Pagination of(int current, int pageCount, IntFunction<String> url) {
        List<@Nullable PageLink> links = new ArrayList<>();
        int previous = 0;
        for (int n = 1; n <= pageCount; n++) {
            boolean edge = n == 1 || n == pageCount;
            if (edge || Math.abs(n - current) <= AROUND) {
                if (previous != 0 && n > previous + 1) {
                    links.add(null);
                }
                links.add(new PageLink(n, url.apply(n), n == current));
                previous = n;
            }
        }
        return new Pagination(current, pageCount, current > 1 ? url.apply(current - 1) : null,
                current < pageCount ? url.apply(current + 1) : null, links);
    }

    /** URLEncoder rather than UriComponentsBuilder: it also encodes '+' and '&' inside values ("a+b" searches). */
    static String url(String path, Map<String, String> params, int number) {
        StringBuilder url = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> param : params.entrySet()) {
            url.append(separator).append(param.getKey()).append('=')
                    .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        if (number > 1) {
            url.append(separator).append("page=").append(number);
        }
        return url.toString();
    }
}
