package fr.mel.opale.web.error;

import fr.mel.opale.web.layout.PageContexts;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The French (or English) HTML error page, in the layout. Shows a generic text per status and never the exception's
 * message: a "not found" must not confirm that a hidden record exists, and internals stay internal.
 */
@Component
class ErrorPages {
    static final String VIEW = "error/page";

    private final PageContexts contexts;

    ErrorPages(PageContexts contexts) {
        this.contexts = contexts;
    }

    ModelAndView page(HttpServletRequest request, HttpStatusCode status) {
        String key = switch (status.value()) {
            case 400, 403, 404, 405 -> "error." + status.value();
            default -> status.is4xxClientError() ? "error.400" : "error.500";
        };
        ModelAndView view = new ModelAndView(VIEW, Map.of(
                "page", contexts.of(request),
                "status", status.value(),
                "titleKey", key + ".title",
                "messageKey", key + ".message"));
        view.setStatus(HttpStatus.valueOf(status.value()));
        return view;
    }
}
