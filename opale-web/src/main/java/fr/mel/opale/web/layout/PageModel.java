package fr.mel.opale.web.layout;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Adds {@code page} (the {@link PageContext}) to the model of every page controller, so templates never build it.
 * Limited to this module's controllers: the JSON API does not pay for it.
 */
@ControllerAdvice(basePackages = "fr.mel.opale.web")
class PageModel {
    private final PageContexts contexts;

    PageModel(PageContexts contexts) {
        this.contexts = contexts;
    }

    @ModelAttribute("page")
    PageContext page(HttpServletRequest request) {
        return contexts.of(request);
    }
}
