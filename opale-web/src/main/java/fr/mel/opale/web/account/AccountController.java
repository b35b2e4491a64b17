package fr.mel.opale.web.account;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.account.AccountPaths;
import fr.mel.opale.access.account.AccountProblem;
import fr.mel.opale.access.account.AccountSessions;
import fr.mel.opale.access.account.Accounts;
import fr.mel.opale.access.account.PersonalData;
import fr.mel.opale.access.account.Profile;
import fr.mel.opale.access.identity.ExternalIdentities;
import fr.mel.opale.access.oidc.AccountLinking;
import fr.mel.opale.access.passkey.Passkeys;
import fr.mel.opale.web.assets.Assets;
import fr.mel.opale.access.oidc.SignInProviders;
import fr.mel.opale.access.token.ApiTokens;
import fr.mel.opale.web.layout.PageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Mon compte" ({@code /compte}): profile (name, language of mails), address (changed through a link mailed to the
 * new one), password, linked identities, active sessions (end one, or all: "logout everywhere"), API tokens (their
 * own page), the download of one's data (JSON) and the deletion of the account, confirmed by the password. Plain
 * CSRF-protected forms; after a change the page comes back with {@code ?fait=<what>}. Anonymous visitors are sent
 * to the login page.
 */
@Controller
class AccountController {
    static final String VIEW = "account/account";
    static final String DELETE = "account/delete";
    private static final String LOGIN = "redirect:/connexion";
    private static final Set<String> DONE = Set.of("profil", "adresse", "mot-de-passe", "session", "adresse-confirmee",
            "identite-liee", "identite-retiree", "cle-ajoutee", "cle-renommee", "cle-retiree");

    private final Accounts accounts;
    private final AccountSessions sessions;
    private final ExternalIdentities identities;
    private final ApiTokens tokens;
    private final PersonalData personalData;
    private final AccessPolicy policy;
    private final AccountLinking linking;
    private final SignInProviders providers;
    private final Passkeys passkeys;
    private final Assets assets;

    AccountController(Accounts accounts, AccountSessions sessions, ExternalIdentities identities, ApiTokens tokens,
                      PersonalData personalData, AccessPolicy policy, AccountLinking linking,
                      SignInProviders providers, Passkeys passkeys, Assets assets) {
        this.passkeys = passkeys;
        this.assets = assets;
        this.linking = linking;
        this.providers = providers;
        this.accounts = accounts;
        this.sessions = sessions;
        this.identities = identities;
        this.tokens = tokens;
        this.personalData = personalData;
        this.policy = policy;
    }

    @GetMapping("/compte")
    String account(@RequestParam(name = "fait", required = false) @Nullable String done, HttpServletRequest request,
                   Model model) {
        if (anonymous()) {
            return LOGIN;
        }
        return page(model, request, done != null && DONE.contains(done) ? done : null, Map.of());
    }

    @PostMapping("/compte/profil")
    String profile(@RequestParam(name = "displayName", required = false) @Nullable String displayName,
                   @RequestParam(name = "language", required = false) @Nullable String language,
                   @ModelAttribute("page") PageContext page, HttpServletRequest request, HttpServletResponse response,
                   Model model) {
        if (anonymous()) {
            return LOGIN;
        }
        try {
            accounts.updateProfile(displayName, language);
            return "redirect:/compte?fait=profil";
        } catch (AccountProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            return page(model, request, null, Map.of("profileForm", FormView.of(problem, page,
                    Map.of("displayName", displayName == null ? "" : displayName))));
        }
    }

    @PostMapping("/compte/adresse")
    String email(@RequestParam(name = "email", required = false) @Nullable String email,
                 @RequestParam(name = "current", required = false) @Nullable String current,
                 @ModelAttribute("page") PageContext page, HttpServletRequest request, HttpServletResponse response,
                 Model model) {
        if (anonymous()) {
            return LOGIN;
        }
        try {
            accounts.requestEmailChange(email, current, request.getRemoteAddr());
            return "redirect:/compte?fait=adresse";
        } catch (AccountProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            return page(model, request, null, Map.of("emailForm", FormView.of(problem, page,
                    Map.of("email", email == null ? "" : email))));
        }
    }

    @PostMapping("/compte/mot-de-passe")
    String password(@RequestParam(name = "current", required = false) @Nullable String current,
                    @RequestParam(name = "password", required = false) @Nullable String password,
                    @RequestParam(name = "confirmation", required = false) @Nullable String confirmation,
                    @ModelAttribute("page") PageContext page, HttpServletRequest request,
                    HttpServletResponse response, Model model) {
        if (anonymous()) {
            return LOGIN;
        }
        try {
            accounts.changePassword(current, password, confirmation, sessionId(request));
            return "redirect:/compte?fait=mot-de-passe";
        } catch (AccountProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            return page(model, request, null, Map.of("passwordForm", FormView.of(problem, page, Map.of())));
        }
    }

    @GetMapping(AccountPaths.CONFIRM_CHANGE)
    String confirmEmailForm(@RequestParam(name = AccountPaths.TOKEN, required = false) @Nullable String token,
                            HttpServletResponse response, Model model) {
        return LinkPages.confirm(accounts, Accounts.LinkKind.CONFIRM_CHANGE, token, AccountPaths.CONFIRM_CHANGE,
                "account.email.confirm", response, model);
    }

    @PostMapping(AccountPaths.CONFIRM_CHANGE)
    String confirmEmail(@RequestParam(name = AccountPaths.TOKEN, required = false) @Nullable String token,
                        HttpServletResponse response, Model model) {
        try {
            accounts.confirmEmailChange(token);
            return LinkPages.message(model, "account.email.confirmed.title", "account.email.confirmed.text",
                    "/compte", "account.email.confirmed.next");
        } catch (AccountProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            if ("adresse-prise".equals(problem.code())) {
                return LinkPages.message(model, "account.email.taken.title", "account.problem.adresse-prise",
                        "/compte", "account.email.confirmed.next");
            }
            return LinkPages.invalidLink(model);
        }
    }

    @PostMapping("/compte/sessions/{handle}/fin")
    String endSession(@PathVariable String handle, HttpServletRequest request) {
        if (anonymous()) {
            return LOGIN;
        }
        boolean current = sessions.mine(sessionId(request)).stream()
                .anyMatch(s -> s.current() && s.handle().equals(handle));
        sessions.end(handle);
        return current ? "redirect:/" : "redirect:/compte?fait=session";
    }

    @PostMapping("/compte/sessions/fin")
    String logoutEverywhere(HttpServletRequest request) {
        if (anonymous()) {
            return LOGIN;
        }
        sessions.endEverywhere();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return "redirect:/";
    }

    /** The person's data as a JSON attachment, never cached. */
    @GetMapping("/compte/donnees")
    ResponseEntity<Map<String, Object>> download(HttpServletRequest request) {
        if (anonymous()) {
            return ResponseEntity.status(302).header(HttpHeaders.LOCATION, "/connexion").build();
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("opale-mes-donnees-" + LocalDate.now(PageContext.ZONE) + ".json").build().toString())
                .body(personalData.export(sessionId(request)));
    }

    @GetMapping("/compte/suppression")
    String deleteForm(Model model) {
        if (anonymous()) {
            return LOGIN;
        }
        return deletePage(model, FormView.EMPTY);
    }

    @PostMapping("/compte/suppression")
    String delete(@RequestParam(name = "current", required = false) @Nullable String current,
                  @ModelAttribute("page") PageContext page, HttpServletRequest request, HttpServletResponse response,
                  Model model) {
        if (anonymous()) {
            return LOGIN;
        }
        try {
            accounts.deleteMine(current);
        } catch (AccountProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            return deletePage(model, FormView.of(problem, page, Map.of()));
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        return LinkPages.message(model, "account.deleted.title", "account.deleted.text", "/",
                "account.deleted.next");
    }

    /** Unlinks one of the person's identities, while another way in remains (opale-access refuses otherwise). */
    @PostMapping("/compte/identites/{id}/suppression")
    String unlink(@PathVariable("id") long id, @ModelAttribute("page") PageContext page, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        if (anonymous()) {
            return LOGIN;
        }
        try {
            linking.unlink(id);
            return "redirect:/compte?fait=identite-retiree";
        } catch (AccountProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            return page(model, request, null, Map.of("identitiesForm", FormView.of(problem, page, Map.of())));
        }
    }

    /**
     * The "Ajouter une clé d'accès" form posted without its script (JavaScript off or blocked): a passkey can only be
     * made by the browser's WebAuthn API, so the page says so instead of an error.
     */
    @PostMapping("/compte/cles")
    String addPasskeyWithoutScript(@ModelAttribute("page") PageContext page, HttpServletRequest request,
                                   HttpServletResponse response, Model model) {
        if (anonymous()) {
            return LOGIN;
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return page(model, request, null, Map.of("passkeysForm",
                new FormView(Map.of(), Map.of(), page.t("account.passkeys.add.script"))));
    }

    /** Renames one of the person's passkeys (registration itself is done by script, see cles.js). */
    @PostMapping("/compte/cles/{id}/nom")
    String renamePasskey(@PathVariable("id") String id, @RequestParam(name = "nom", required = false) @Nullable String name,
                         @ModelAttribute("page") PageContext page, HttpServletRequest request,
                         HttpServletResponse response, Model model) {
        if (anonymous()) {
            return LOGIN;
        }
        try {
            passkeys.rename(id, name);
            return "redirect:/compte?fait=cle-renommee#cles";
        } catch (AccountProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            return page(model, request, null, Map.of("passkeysForm", FormView.of(problem, page, Map.of())));
        }
    }

    /** Deletes one of the person's passkeys, unless it is their last way in (opale-access refuses then). */
    @PostMapping("/compte/cles/{id}/suppression")
    String deletePasskey(@PathVariable("id") String id, @ModelAttribute("page") PageContext page,
                         HttpServletRequest request, HttpServletResponse response, Model model) {
        if (anonymous()) {
            return LOGIN;
        }
        try {
            passkeys.remove(id);
            return "redirect:/compte?fait=cle-retiree#cles";
        } catch (AccountProblem problem) {
            response.setStatus(problem.getStatusCode().value());
            return page(model, request, null, Map.of("passkeysForm", FormView.of(problem, page, Map.of())));
        }
    }

    private String deletePage(Model model, FormView form) {
        model.addAttribute("form", form);
        model.addAttribute("hasPassword", accounts.me().hasPassword());
        return DELETE;
    }

    private String page(Model model, HttpServletRequest request, @Nullable String done, Map<String, FormView> forms) {
        Profile me = accounts.me();
        model.addAttribute("me", me);
        model.addAttribute("done", done);
        model.addAttribute("identities", identities.of(me.id()));
        Map<String, String> labels = new HashMap<>();
        providers.all().forEach(p -> labels.put(p.id(), p.label()));
        model.addAttribute("providerLabels", labels);
        model.addAttribute("identitiesForm", forms.getOrDefault("identitiesForm", FormView.EMPTY));
        model.addAttribute("passkeys", passkeys.mine());
        model.addAttribute("passkeysForm", forms.getOrDefault("passkeysForm", FormView.EMPTY));
        model.addAttribute("script", assets.url("cles.js"));
        model.addAttribute("sessions", sessions.mine(sessionId(request)));
        model.addAttribute("tokenCount", tokens.mine().size());
        model.addAttribute("mailOn", accounts.signUpOpen());
        model.addAttribute("profileForm", forms.getOrDefault("profileForm", FormView.EMPTY));
        model.addAttribute("emailForm", forms.getOrDefault("emailForm", FormView.EMPTY));
        model.addAttribute("passwordForm", forms.getOrDefault("passwordForm", FormView.EMPTY));
        return VIEW;
    }

    private boolean anonymous() {
        return !policy.hasPersonalSpace(policy.currentViewer());
    }

    private static @Nullable String sessionId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }
}
