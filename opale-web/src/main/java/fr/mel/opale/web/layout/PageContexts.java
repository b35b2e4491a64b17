package fr.mel.opale.web.layout;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.account.Accounts;
import fr.mel.opale.web.assets.Assets;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Builds the {@link PageContext} of a request; used by controllers (through {@link PageModel}) and error pages. */
@Component
public class PageContexts {
    private final MessageSource messages;
    private final AccessPolicy policy;
    private final Accounts accounts;
    private final Assets assets;

    PageContexts(MessageSource messages, AccessPolicy policy, Accounts accounts, Assets assets) {
        this.messages = messages;
        this.policy = policy;
        this.accounts = accounts;
        this.assets = assets;
    }

    public PageContext of(HttpServletRequest request) {
        // On an error dispatch the URI is /error; the language switch must point back to the page asked for.
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String s ? s : request.getRequestURI();
        String path = uri.substring(Math.min(uri.length(), request.getContextPath().length()));
        String query = original instanceof String ? null : request.getQueryString();
        Viewer viewer = policy.currentViewer();
        PageContext.Tabs tabs = new PageContext.Tabs(policy.hasPersonalSpace(viewer), policy.canPublish(viewer),
                policy.canSeeAdministration(viewer), viewer.anonymous() && accounts.signUpOpen());
        return new PageContext(RequestContextUtils.getLocale(request), messages,
                viewer.anonymous() ? null : viewer.displayName(), tabs, path.isEmpty() ? "/" : path, query,
                (CsrfToken) request.getAttribute(CsrfToken.class.getName()), assets::url);
    }
}
