package fr.mel.opale.web.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns errors of pages into HTML error pages, before opale-access's {@code ProblemResponses} (which answers
 * problem+json for every controller) gets a chance. It applies to:
 * <ul>
 *   <li>exceptions of this module's controllers (a record page's 404, a bad parameter's 400...);</li>
 *   <li>addresses no controller serves, when a browser asks for HTML outside {@code /api/};</li>
 *   <li>the OGC API's errors when it was asked for HTML ({@code f=html} or a browser's Accept): its HTML encoding
 *   is pages of this site, so a hidden collection is the same 404 page as an unknown record.</li>
 * </ul>
 * Everything else (the API, clients that do not want HTML) is left to the next resolver, so {@code /api/**} keeps
 * answering problem+json. Spring Security's exceptions are left alone too: its filters turn them into a login
 * redirect or a 403.
 */
@Component
class PageExceptionResolver implements HandlerExceptionResolver, Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(PageExceptionResolver.class);
    private static final String PAGES = "fr.mel.opale.web.";

    private final ErrorPages pages;

    PageExceptionResolver(ErrorPages pages) {
        this.pages = pages;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
                                                   @Nullable Object handler, Exception ex) {
        if (!isPage(request, handler) || isSecurity(ex)) {
            return null;
        }
        HttpStatusCode status = statusOf(ex);
        if (status.is5xxServerError()) {
            LOG.error("Erreur inattendue sur la page {} {}", request.getMethod(), request.getRequestURI(), ex);
        }
        if (ex instanceof ErrorResponse error) {
            // keep e.g. the Allow header of a 405
            error.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
        }
        return pages.page(request, status);
    }

    private static boolean isPage(HttpServletRequest request, @Nullable Object handler) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/ogcapi") && wantsOgcHtml(request)) {
            // the OGC API's HTML encoding is pages of this site (ogcapi.OgcApiPages): its errors are pages too
            return true;
        }
        if (handler instanceof HandlerMethod method) {
            return method.getBeanType().getName().startsWith(PAGES);
        }
        return !path.startsWith("/api/") && wantsHtml(request.getHeader(HttpHeaders.ACCEPT));
    }

    /** As the OGC API chooses its encoding: {@code f=html}, or no {@code f} and a browser's Accept. */
    private static boolean wantsOgcHtml(HttpServletRequest request) {
        String f = request.getParameter("f");
        return f == null ? wantsHtml(request.getHeader(HttpHeaders.ACCEPT)) : "html".equals(f.strip());
    }

    private static boolean wantsHtml(@Nullable String accept) {
        if (accept == null) {
            return false;
        }
        try {
            return MediaType.parseMediaTypes(accept).stream()
                    .anyMatch(type -> type.getQualityValue() > 0 && MediaType.TEXT_HTML.equals(type.removeQualityValue()));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static boolean isSecurity(Exception ex) {
        return ex instanceof org.springframework.security.core.AuthenticationException
                || ex instanceof org.springframework.security.access.AccessDeniedException;
    }

    private static HttpStatusCode statusOf(Exception ex) {
        if (ex instanceof ErrorResponse error) {
            return error.getStatusCode();
        }
        if (ex instanceof TypeMismatchException || ex instanceof IllegalArgumentException) {
            return HttpStatus.BAD_REQUEST;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
