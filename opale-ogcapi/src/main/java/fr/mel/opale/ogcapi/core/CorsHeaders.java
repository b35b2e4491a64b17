package fr.mel.opale.ogcapi.core;

import fr.mel.opale.ogcapi.OgcApiSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CORS for {@code /ogcapi}: browsers on other sites may read public collections ({@code *} by default,
 * {@code opale.ogcapi.cors-origins}); an answer showing restricted data is readable only from origins listed by name,
 * never with {@code *}. Also answers preflight requests (which carry no data).
 */
@Component
public class CorsHeaders extends OncePerRequestFilter {
    private final OgcApiSettings settings;

    public CorsHeaders(OgcApiSettings settings) {
        this.settings = settings;
    }

    /** Sets the CORS headers of an answer; {@code restricted} when it shows anything not public. */
    public void apply(HttpServletRequest request, HttpServletResponse response, boolean restricted) {
        response.addHeader("Vary", "Origin");
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return;
        }
        if (settings.corsOrigins().contains(origin)) {
            response.setHeader("Access-Control-Allow-Origin", origin);
        } else if (!restricted && settings.corsOrigins().contains("*")) {
            response.setHeader("Access-Control-Allow-Origin", "*");
        } else {
            return;
        }
        response.setHeader("Access-Control-Expose-Headers", "Content-Crs, Link, Location");
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("OPTIONS".equals(request.getMethod()) && request.getHeader("Access-Control-Request-Method") != null
                && request.getRequestURI().startsWith(request.getContextPath() + "/ogcapi"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String origin = request.getHeader("Origin");
        boolean allowed = origin != null
                && (settings.corsOrigins().contains("*") || settings.corsOrigins().contains(origin));
        if (allowed) {
            response.setHeader("Access-Control-Allow-Origin", settings.corsOrigins().contains(origin) ? origin : "*");
            response.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
            response.setHeader("Access-Control-Allow-Headers", "Accept, Authorization, Content-Type");
            response.setHeader("Access-Control-Max-Age", "3600");
        }
        response.addHeader("Vary", "Origin");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
