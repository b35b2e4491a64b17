package fr.mel.opale.access.token;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Viewer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens of the current viewer: issue, list, revoke; and the check of a presented secret. Thread-safe.
 *
 * <p>A request authenticated by a token cannot issue tokens: a leaked token must not be able to mint fresh ones that
 * outlive its revocation (GitHub and GitLab do the same). It may list tokens and revoke them.
 */
@Service
@EnableConfigurationProperties(TokenSettings.class)
public class ApiTokens {
    /** Names longer than this are refused. */
    public static final int MAX_NAME_LENGTH = 100;
    /** Last use is recorded at most once per this period per token: no write on every call. */
    static final Duration USE_RESOLUTION = Duration.ofMinutes(1);

    private final StoredTokenRepository tokens;
    private final TokenSettings settings;
    private final AccessPolicy policy;

    ApiTokens(StoredTokenRepository tokens, TokenSettings settings, AccessPolicy policy) {
        this.tokens = tokens;
        this.settings = settings;
        this.policy = policy;
    }

    public TokenSettings settings() {
        return settings;
    }

    /**
     * Issues a token to the current viewer.
     *
     * @param name          1 to {@value #MAX_NAME_LENGTH} characters, no control characters (stripped)
     * @param expiresInDays lifetime, 1 to {@link TokenSettings#maxDays()}; null for {@link TokenSettings#defaultDays()}
     * @throws AccessDenied 401 for an anonymous viewer
     * @throws TokenProblem 403 when the request itself carries a token, 400 on a bad name or lifetime, 409 beyond
     *                      {@link TokenSettings#maxPerAccount()} usable tokens
     */
    @Transactional
    public IssuedToken issue(@Nullable String name, @Nullable Integer expiresInDays) {
        Viewer viewer = requireViewer();
        if (SecurityContextHolder.getContext().getAuthentication() instanceof BearerTokenAuthentication) {
            throw TokenProblem.createdWithToken();
        }
        String cleanName = validName(name);
        int days = expiresInDays == null ? settings.defaultDays() : expiresInDays;
        if (days < 1 || days > settings.maxDays()) {
            throw TokenProblem.invalid("La durée de validité doit être comprise entre 1 et " + settings.maxDays()
                    + " jours.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long person = personOf(viewer);
        if (tokens.countUsable(person, now) >= settings.maxPerAccount()) {
            throw TokenProblem.tooMany(settings.maxPerAccount());
        }
        String secret = TokenSecrets.generate();
        StoredToken stored = tokens.insert(person, cleanName, TokenSecrets.hash(secret),
                TokenSecrets.displayPrefix(secret), now, now.plus(Duration.ofDays(days)));
        return new IssuedToken(stored.view(), secret);
    }

    /** The current viewer's tokens not revoked (expired ones included, to be seen and cleaned), newest first. */
    @Transactional(readOnly = true)
    public List<ApiToken> mine() {
        Viewer viewer = requireViewer();
        return tokens.findActiveOf(personOf(viewer)).stream().map(StoredToken::view).toList();
    }

    /**
     * Revokes a token at once; revoking a revoked token does nothing.
     *
     * @throws TokenProblem 404 when there is no such token or the policy does not let the viewer manage it (the
     *                      same answer, so ids of others' tokens are not revealed)
     */
    @Transactional
    public void revoke(long id) {
        Viewer viewer = requireViewer();
        StoredToken token = tokens.findById(id)
                .filter(t -> policy.canManageTokensOf(viewer, t.personId()))
                .orElseThrow(() -> TokenProblem.notFound(id));
        tokens.revoke(token.id(), Instant.now());
    }

    /**
     * The token a request presents, if usable: known, not revoked, not expired. Records its use (at most once per
     * {@link #USE_RESOLUTION}).
     */
    @Transactional
    Optional<StoredToken> authenticate(String secret) {
        if (!TokenSecrets.wellFormed(secret)) {
            return Optional.empty();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Optional<StoredToken> found = tokens.findByTokenHash(TokenSecrets.hash(secret)).filter(t -> t.usableAt(now));
        found.ifPresent(token -> {
            Instant since = now.minus(USE_RESOLUTION);
            if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(since)) {
                tokens.touch(token.id(), now, since);
            }
        });
        return found;
    }

    /** The person a logged-in viewer is; the platform itself ({@link AccessPolicy#asPlatform}) holds no tokens. */
    private static long personOf(Viewer viewer) {
        if (viewer.personId() == null) {
            throw new AccessDenied(viewer);
        }
        return viewer.personId();
    }

    private Viewer requireViewer() {
        Viewer viewer = policy.currentViewer();
        if (viewer.anonymous()) {
            throw new AccessDenied(viewer);
        }
        return viewer;
    }

    private static String validName(@Nullable String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw TokenProblem.invalid("Donnez un nom au jeton, pour le reconnaître plus tard (« script de mise à jour »).");
        }
        if (clean.length() > MAX_NAME_LENGTH) {
            throw TokenProblem.invalid("Le nom du jeton dépasse " + MAX_NAME_LENGTH + " caractères.");
        }
        if (clean.chars().anyMatch(Character::isISOControl)) {
            throw TokenProblem.invalid("Le nom du jeton contient des caractères de contrôle.");
        }
        return clean;
    }
}
