package fr.mel.opale.web.error;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The HTML view Spring Boot's {@code /error} shows browsers for errors raised outside Spring MVC (a filter, the
 * container): the same page as {@link PageExceptionResolver}'s, instead of the "Whitelabel" page. API paths get
 * no HTML view.
 */
@Component
class HtmlErrorViews implements ErrorViewResolver {
    private final ErrorPages pages;

    HtmlErrorViews(ErrorPages pages) {
        this.pages = pages;
    }

    @Override
    public @Nullable ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status,
                                                   Map<String, Object> model) {
        Object path = model.get("path");
        if (path instanceof String p && p.startsWith("/api/")) {
            return null;
        }
        return pages.page(request, status);
    }
}
