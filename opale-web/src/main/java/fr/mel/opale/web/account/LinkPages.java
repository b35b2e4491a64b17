package fr.mel.opale.web.account;

import fr.mel.opale.access.account.Accounts;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.ui.Model;

/**
 * The pages around mailed links, shared by sign-up, reset and address change: the page a link opens (one button
 * that posts the link, so that a mail scanner following links uses nothing up), the page of an unusable link (400),
 * and the one-message pages that follow an action.
 */
final class LinkPages {
    static final String MESSAGE = "account/message";
    static final String CONFIRM = "account/confirm";

    private LinkPages() {
    }

    /**
     * The page of a link of {@code kind}: its button posting to {@code action} when the link is usable, else the
     * unusable-link page with a 400.
     */
    static String confirm(Accounts accounts, Accounts.LinkKind kind, @Nullable String token, String action,
                          String keys, HttpServletResponse response, Model model) {
        return confirm(accounts, kind, token, action, keys, FormView.EMPTY, response, model);
    }

    /**
     * The same, with {@code form} (a sign-up's confirmation asks for the password chosen at sign-up, and shows the
     * error of a wrong one).
     */
    static String confirm(Accounts accounts, Accounts.LinkKind kind, @Nullable String token, String action,
                          String keys, FormView form, HttpServletResponse response, Model model) {
        if (!accounts.linkUsable(token, kind)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return invalidLink(model);
        }
        model.addAttribute("token", token);
        model.addAttribute("action", action);
        model.addAttribute("titleKey", keys + ".title");
        model.addAttribute("textKey", keys + ".text");
        model.addAttribute("buttonKey", keys + ".submit");
        model.addAttribute("askPassword", kind == Accounts.LinkKind.VERIFY);
        model.addAttribute("form", form);
        return CONFIRM;
    }

    static String invalidLink(Model model) {
        return message(model, "account.link.invalid.title", "account.problem.lien-invalide", "/mot-de-passe-oublie",
                "account.link.invalid.next");
    }

    /** A page of one message and one link onwards ({@code account/message.jte}). */
    static String message(Model model, String titleKey, String textKey, String next, String nextKey) {
        model.addAttribute("titleKey", titleKey);
        model.addAttribute("textKey", textKey);
        model.addAttribute("next", next);
        model.addAttribute("nextKey", nextKey);
        return MESSAGE;
    }
}
