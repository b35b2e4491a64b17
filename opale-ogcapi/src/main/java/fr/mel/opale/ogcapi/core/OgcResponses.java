package fr.mel.opale.ogcapi.core;

import fr.mel.opale.ogcapi.OgcApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every OGC API endpoint does the same way: find the collection (or redirect from a former id), refuse unknown
 * parameters, build links, write JSON or HTML with the CORS headers the content allows.
 */
@Component
public class OgcResponses {
    public static final String ROOT = "/ogcapi";
    /**
     * Coordinates are most of a GeoJSON page's numbers: Java 17's {@code Double.toString} costs ~2× Jackson's
     * Schubfach writer, which prints the same shortest round-trip text (0 differences over 2 million coordinates;
     * where Java 17 is known to print a longer form, both parse to the same double). ~0.1 ms per 1 000 points.
     */
    private final JsonMapper json = JsonMapper.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();
    private final OgcCollections collections;
    private final CorsHeaders cors;

    public OgcResponses(OgcCollections collections, CorsHeaders cors) {
        this.collections = collections;
        this.cors = cors;
    }

    /** {@code http://host/ogcapi}, as the client addressed us (forwarded headers honoured). */
    public String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).path(ROOT).build().toUriString();
    }

    /**
     * The visible collection with this id; for a former id, answers a permanent redirect to the same path under the
     * new id (query string kept) and returns null; for an unknown or hidden one, a 404.
     */
    public OgcCollection collection(String id, HttpServletRequest request, HttpServletResponse response) {
        OgcCollections.Resolved resolved = collections.resolve(id)
                .orElseThrow(() -> OgcApiProblem.collectionNotFound(id));
        if (!resolved.moved()) {
            return resolved.collection();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String prefix = ROOT + "/collections/" + id;
        String rest = path.startsWith(prefix) ? path.substring(prefix.length()) : "";
        String location = base(request) + "/collections/" + resolved.collection().id() + rest
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        cors.apply(request, response, resolved.collection().restricted());
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", location);
        return null;
    }

    /** 400 listing the accepted parameters when the request has others (OGC API – Features, recommendation 9). */
    public void refuseUnknownParameters(HttpServletRequest request, Collection<String> allowed) {
        List<String> unknown = new ArrayList<>();
        for (String name : request.getParameterMap().keySet()) {
            if (!name.equals("f") && !allowed.contains(name)) {
                unknown.add(Abbreviation.of(name));
            }
        }
        if (!unknown.isEmpty()) {
            TreeSet<String> accepted = new TreeSet<>(allowed);
            accepted.add("f");
            throw OgcApiProblem.unknownParameters(unknown, accepted);
        }
    }

    public static Map<String, Object> link(String href, String rel, String type, String title) {
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", href);
        link.put("rel", rel);
        link.put("type", type);
        link.put("title", title);
        return link;
    }

    /** The current URL with some query parameters replaced (null value = removed). */
    public String withParameters(HttpServletRequest request, Map<String, String> changes) {
        UriComponentsBuilder url = ServletUriComponentsBuilder.fromRequest(request);
        changes.forEach((name, value) -> {
            if (value == null) {
                url.replaceQueryParam(name);
            } else {
                url.replaceQueryParam(name, value);
            }
        });
        return url.build().toUriString();
    }

    public void writeJson(HttpServletRequest request, HttpServletResponse response, String contentType, Object body,
                          boolean restricted) throws IOException {
        cors.apply(request, response, restricted);
        response.setContentType(contentType);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), body);
    }

    public void writeHtml(HttpServletRequest request, HttpServletResponse response, String html, boolean restricted)
            throws IOException {
        cors.apply(request, response, restricted);
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }

    public JsonMapper json() {
        return json;
    }

    public CorsHeaders cors() {
        return cors;
    }
}
