package fr.mel.opale.access.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the claim mapping once, at start: the file named by {@code opale.identity.claim-rules}
 * ({@code OPALE_IDENTITY_CLAIM_RULES}), which must then exist; else {@code <opale.data.dir>/claim-rules.yml} when
 * present; else no rule. A file that is present but invalid stops the start with every problem named: never a
 * silent default. The format:
 *
 * <pre>
 * rules:                       # tried in order, all of them
 *   - claim: groups            # a claim of the ID token or userinfo; a.b reads into objects
 *     value: EL_LAMBERSART     # matched whole; * and ? are wildcards
 *     organisation: lambersart # a slug, or {1}, {2}... for what the wildcards matched
 *     role: editor             # member, editor or admin
 *     provider: keycloak       # optional: only logins through this provider
 * defaults:                    # when no rule matched a login through their provider
 *   - provider: franceconnect
 *     organisation: citoyens
 *     role: member
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
public class ClaimRulesFile {
    static final String FILE_NAME = "claim-rules.yml";
    private static final Logger LOG = LoggerFactory.getLogger(ClaimRulesFile.class);
    private static final Set<String> RULE_KEYS = Set.of("claim", "value", "organisation", "role", "provider");
    private static final int MAX_BYTES = 1 << 20;

    @Bean
    ClaimRules claimRules(@Value("${opale.identity.claim-rules:}") String configured,
                          @Value("${opale.data.dir:}") String dataDir) {
        ClaimRules rules = load(configured, dataDir);
        LOG.info("Règles de revendications : {} ({} règles, {} par défaut)", rules.source(), rules.rules().size(),
                rules.defaults().size());
        return rules;
    }

    static ClaimRules load(@Nullable String configured, @Nullable String dataDir) {
        if (configured != null && !configured.isBlank()) {
            Path file = Path.of(configured.strip()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new InvalidClaimRules(file.toString(),
                        "fichier introuvable (désigné par opale.identity.claim-rules / OPALE_IDENTITY_CLAIM_RULES)");
            }
            return read(file);
        }
        if (dataDir != null && !dataDir.isBlank()) {
            Path file = Path.of(dataDir.strip()).resolve(FILE_NAME).toAbsolutePath().normalize();
            if (Files.isRegularFile(file)) {
                return read(file);
            }
        }
        return ClaimRules.NONE;
    }

    private static ClaimRules read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidClaimRules(file.toString(), "fichier de plus de 1 Mio");
            }
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidClaimRules(file.toString(), "lecture impossible : " + e.getMessage());
        }
    }

    /** Parses and validates a rule file's text; {@code source} names it in messages. */
    public static ClaimRules parse(String source, String yaml) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new InvalidClaimRules(source, "YAML illisible : " + e.getMessage());
        }
        if (root == null) {
            return new ClaimRules(List.of(), List.of(), source);
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new InvalidClaimRules(source, "le fichier doit contenir les listes « rules » et « defaults »");
        }
        List<String> problems = new ArrayList<>();
        for (Object key : top.keySet()) {
            if (!"rules".equals(key) && !"defaults".equals(key)) {
                problems.add("clé inconnue « " + key + " » (attendu : rules, defaults)");
            }
        }
        List<ClaimRule> rules = rules(top.get("rules"), "rules", false, problems);
        List<ClaimRule> defaults = rules(top.get("defaults"), "defaults", true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidClaimRules(source, String.join(" ; ", problems));
        }
        return new ClaimRules(rules, defaults, source);
    }

    private static List<ClaimRule> rules(@Nullable Object list, String name, boolean defaults, List<String> problems) {
        List<ClaimRule> rules = new ArrayList<>();
        if (list == null) {
            return rules;
        }
        if (!(list instanceof List<?> items)) {
            problems.add("« " + name + " » doit être une liste");
            return rules;
        }
        for (int i = 0; i < items.size(); i++) {
            String where = name + "[" + (i + 1) + "] : ";
            if (!(items.get(i) instanceof Map<?, ?> item)) {
                problems.add(where + "chaque règle est un objet (claim, value, organisation, role)");
                continue;
            }
            for (Object key : item.keySet()) {
                if (!RULE_KEYS.contains(String.valueOf(key))) {
                    problems.add(where + "clé inconnue « " + key + " »");
                }
            }
            ClaimRule rule = new ClaimRule(text(item.get("provider")), defaults ? "-" : orEmpty(item.get("claim")),
                    defaults ? "-" : orEmpty(item.get("value")), orEmpty(item.get("organisation")),
                    orEmpty(item.get("role")));
            rule.problems().forEach(p -> problems.add(where + p));
            rules.add(rule);
        }
        return rules;
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null ? null : String.valueOf(value).strip();
    }

    private static String orEmpty(@Nullable Object value) {
        String text = text(value);
        return text == null ? "" : text;
    }
}
