package fr.mel.opale.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the first call of {@code /api/openapi.json} fast: springdoc builds the document on its first request (about
 * 3 s here: every controller scanned) and caches it per request language. Two things together:
 * <ul>
 *   <li>the document is written in French only, so every request of it is read as French ({@link French}): one
 *   cached copy, instead of one 3-second build per browser language ({@code fr-FR}, {@code en-US}, none...);</li>
 *   <li>once the application is ready, a background thread asks for it over the loopback, through the same filters
 *   and cache as a client's request: the health is {@code UP} without waiting, and the visitor after it is served
 *   from the cache.</li>
 * </ul>
 */
@Component
class OpenApiWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(OpenApiWarmUp.class);
    static final String PATH = "/api/openapi.json";

    private final String path;

    OpenApiWarmUp(@Value("${springdoc.api-docs.path:" + PATH + "}") String path) {
        this.path = path;
    }

    @EventListener(ApplicationReadyEvent.class)
    void buildInTheBackground(ApplicationReadyEvent event) {
        Integer port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", Integer.class);
        if (port == null || port <= 0) {
            return; // no web server (a test without one)
        }
        URI uri = URI.create("http://127.0.0.1:" + port + path);
        Thread thread = new Thread(() -> fetch(uri), "opale-openapi-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void fetch(URI uri) {
        long start = System.nanoTime();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<Void> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2))
                    .build(), HttpResponse.BodyHandlers.discarding());
            LOG.info("Description OpenAPI préparée en {} ms (statut {})", (System.nanoTime() - start) / 1_000_000,
                    response.statusCode());
        } catch (IOException e) {
            LOG.warn("Description OpenAPI non préparée : {}", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The OpenAPI document's requests, read as French whatever language they ask for (see the class comment). */
    @Component
    static class French extends OncePerRequestFilter {
        private final String path;

        French(@Value("${springdoc.api-docs.path:" + PATH + "}") String path) {
            this.path = path;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !request.getRequestURI().equals(path);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(new HttpServletRequestWrapper(request) {
                @Override
                public String getHeader(String name) {
                    return "Accept-Language".equalsIgnoreCase(name) ? null : super.getHeader(name);
                }

                @Override
                public Enumeration<String> getHeaders(String name) {
                    return "Accept-Language".equalsIgnoreCase(name) ? Collections.emptyEnumeration()
                            : super.getHeaders(name);
                }

                @Override
                public Locale getLocale() {
                    return Locale.FRENCH;
                }

                @Override
                public Enumeration<Locale> getLocales() {
                    return Collections.enumeration(java.util.List.of(Locale.FRENCH));
                }
            }, response);
        }
    }
}
