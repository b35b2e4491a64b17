package fr.mel.opale.access.oidc;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;

/**
 * The declared providers, read once at start from two sources merged field by field:
 * <ul>
 *   <li>properties {@code opale.oidc.providers.<id>.issuer}, {@code client-id}, {@code client-secret}, {@code kind},
 *       {@code label}, {@code scopes}, {@code groups-claim} (application.yml, command line);</li>
 *   <li>environment variables {@code OPALE_OIDC_<ID>_ISSUER}, {@code _CLIENT_ID}, {@code _CLIENT_SECRET},
 *       {@code _KIND}, {@code _LABEL}, {@code _SCOPES}, {@code _GROUPS_CLAIM} (the id in lower case, {@code _}
 *       within it read as {@code -}), which win. Spring's relaxed binding cannot read these (it would take
 *       {@code CLIENT_ID} for {@code client.id}), hence this reader.</li>
 * </ul>
 * A provider missing its issuer, client id or secret, with an unknown kind, an id that is not a slug or an issuer
 * that is not an http(s) URL stops the start with every problem named: a sign-in button that cannot work is worse
 * than a clear refusal to start.
 */
public final class OidcSettings {
    static final String PREFIX = "opale.oidc.providers";
    private static final String ENV_PREFIX = "OPALE_OIDC_";
    /** Longest first: {@code CLIENT_SECRET} before a shorter suffix could claim part of it. */
    private static final List<String> FIELDS = List.of("GROUPS_CLAIM", "CLIENT_SECRET", "CLIENT_ID", "ISSUER", "KIND",
            "LABEL", "SCOPES");
    private static final Pattern ID = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    private OidcSettings() {
    }

    /** The providers of the application's environment, in id order. */
    public static List<ProviderSettings> from(Environment environment) {
        Map<String, Map<String, String>> fields = new TreeMap<>();
        Bindable<Map<String, Map<String, String>>> shape = Bindable.of(ResolvableType.forClassWithGenerics(Map.class,
                ResolvableType.forClass(String.class),
                ResolvableType.forClassWithGenerics(Map.class, String.class, String.class)));
        Map<String, Map<String, String>> bound = Binder.get(environment).bind(PREFIX, shape).orElse(Map.of());
        bound.forEach((id, values) -> values.forEach((key, value) -> fields
                .computeIfAbsent(id.toLowerCase(Locale.ROOT), k -> new TreeMap<>())
                .put(key.toLowerCase(Locale.ROOT).replace('_', '-'), String.valueOf(value))));
        return parse(fields, System.getenv());
    }

    /**
     * The providers from property-style fields ({@code id → field → value}, fields as in
     * {@code opale.oidc.providers.<id>.<field>}) and environment variables.
     *
     * @throws IllegalStateException naming every problem
     */
    static List<ProviderSettings> parse(Map<String, Map<String, String>> properties, Map<String, String> env) {
        Map<String, Map<String, String>> fields = new TreeMap<>();
        properties.forEach((id, values) -> fields.computeIfAbsent(id, k -> new TreeMap<>()).putAll(values));
        env.forEach((name, value) -> {
            if (!name.startsWith(ENV_PREFIX)) {
                return;
            }
            String rest = name.substring(ENV_PREFIX.length());
            for (String field : FIELDS) {
                if (rest.endsWith("_" + field) && rest.length() > field.length() + 1) {
                    String id = rest.substring(0, rest.length() - field.length() - 1).toLowerCase(Locale.ROOT)
                            .replace('_', '-');
                    fields.computeIfAbsent(id, k -> new TreeMap<>())
                            .put(field.toLowerCase(Locale.ROOT).replace('_', '-'), value);
                    return;
                }
            }
        });
        List<String> problems = new ArrayList<>();
        List<ProviderSettings> providers = new ArrayList<>();
        fields.forEach((id, values) -> {
            ProviderSettings provider = provider(id, values, problems);
            if (provider != null) {
                providers.add(provider);
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Fournisseurs OpenID Connect mal déclarés (OPALE_OIDC_<ID>_*) : "
                    + String.join(" ; ", problems));
        }
        return List.copyOf(providers);
    }

    private static @Nullable ProviderSettings provider(String id, Map<String, String> values, List<String> problems) {
        int before = problems.size();
        if (!ID.matcher(id).matches()) {
            problems.add("« " + id + " » : l’identifiant doit être fait de minuscules, chiffres et tirets");
        }
        String issuer = required(id, values, "issuer", problems);
        String clientId = required(id, values, "client-id", problems);
        String secret = required(id, values, "client-secret", problems);
        String kindText = values.getOrDefault("kind", "generic").strip();
        ProviderKind kind = ProviderKind.of(kindText).orElse(null);
        if (kind == null) {
            problems.add(id + " : type « " + kindText + " » inconnu (franceconnect, proconnect ou generic)");
        }
        if (issuer != null && !httpUrl(issuer)) {
            problems.add(id + " : l’émetteur (issuer) doit être une adresse http(s) absolue");
        }
        if (problems.size() > before) {
            return null;
        }
        String label = values.getOrDefault("label", "").strip();
        Set<String> scopes = new LinkedHashSet<>();
        scopes.add("openid");
        String scopeText = values.getOrDefault("scopes", "").strip();
        scopes.addAll(Arrays.stream((scopeText.isEmpty() ? kind.defaultScopes() : scopeText).split("[\\s,]+"))
                .filter(s -> !s.isBlank()).toList());
        String groups = values.getOrDefault("groups-claim", "").strip();
        return new ProviderSettings(id, issuer.strip(), clientId.strip(), secret, kind,
                label.isEmpty() ? kind.defaultLabel(id) : label, List.copyOf(scopes), groups.isEmpty() ? null : groups);
    }

    private static @Nullable String required(String id, Map<String, String> values, String field,
                                             List<String> problems) {
        String value = values.get(field);
        if (value == null || value.isBlank()) {
            problems.add(id + " : " + field + " manquant (OPALE_OIDC_" + id.toUpperCase(Locale.ROOT).replace('-', '_')
                    + "_" + field.toUpperCase(Locale.ROOT).replace('-', '_') + ")");
            return null;
        }
        return value;
    }

    private static boolean httpUrl(String text) {
        try {
            URI uri = URI.create(text.strip());
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
