package fr.mel.opale.catalog.ownership;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
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
 * Reads the owner mapping once, at start: the file named by {@code opale.catalog.owner-mapping}
 * ({@code OPALE_OWNER_MAPPING}), which must then exist; else {@code <opale.data.dir>/owner-mapping.yml} when present;
 * else none (publishers are then matched to organisations by name alone). A file that is present but invalid stops
 * the start with every problem named. The format:
 *
 * <pre>
 * publishers:                                   # a publisher's name (case, accents, punctuation ignored) → slug
 *   "Direction de l'eau et de l'assainissement": mel
 *   "Ilévia": ilevia
 * domains:                                      # a publisher's email domain → slug
 *   ville-roubaix.fr: roubaix
 * default: mel                                  # nothing matched: this owner (absent: the platform)
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
public class OwnerRulesFile {
    static final String FILE_NAME = "owner-mapping.yml";
    private static final Logger LOG = LoggerFactory.getLogger(OwnerRulesFile.class);
    private static final int MAX_BYTES = 1 << 20;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9.-]+\\.[a-z]{2,}");

    @Bean
    OwnerRules ownerRules(@Value("${opale.catalog.owner-mapping:}") String configured,
                          @Value("${opale.data.dir:}") String dataDir) {
        OwnerRules rules = load(configured, dataDir);
        LOG.info("Propriétaires des fiches importées : {} ({} éditeurs, {} domaines, par défaut {})", rules.source(),
                rules.publishers().size(), rules.domains().size(),
                rules.fallback() == null ? "la plateforme" : rules.fallback());
        return rules;
    }

    static OwnerRules load(@Nullable String configured, @Nullable String dataDir) {
        if (configured != null && !configured.isBlank()) {
            Path file = Path.of(configured.strip()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new InvalidOwnerRules(file.toString(),
                        "fichier introuvable (désigné par opale.catalog.owner-mapping / OPALE_OWNER_MAPPING)");
            }
            return read(file);
        }
        if (dataDir != null && !dataDir.isBlank()) {
            Path file = Path.of(dataDir.strip()).resolve(FILE_NAME).toAbsolutePath().normalize();
            if (Files.isRegularFile(file)) {
                return read(file);
            }
        }
        return OwnerRules.NONE;
    }

    private static OwnerRules read(Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidOwnerRules(file.toString(), "fichier de plus de 1 Mio");
            }
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidOwnerRules(file.toString(), "lecture impossible : " + e.getMessage());
        }
    }

    /** Parses and validates a mapping file's text; {@code source} names it in messages. */
    static OwnerRules parse(String source, String yaml) {
        Object root;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            throw new InvalidOwnerRules(source, "YAML illisible : " + e.getMessage());
        }
        if (root == null) {
            return new OwnerRules(Map.of(), Map.of(), null, source);
        }
        if (!(root instanceof Map<?, ?> top)) {
            throw new InvalidOwnerRules(source, "le fichier doit contenir « publishers », « domains » ou « default »");
        }
        List<String> problems = new ArrayList<>();
        for (Object key : top.keySet()) {
            if (!List.of("publishers", "domains", "default").contains(key)) {
                problems.add("clé inconnue « " + key + " » (attendu : publishers, domains, default)");
            }
        }
        Map<String, String> publishers = entries(top.get("publishers"), "publishers", problems, name -> {
            String key = PublisherNames.normalised(name);
            return key.isEmpty() ? null : key;
        });
        Map<String, String> domains = entries(top.get("domains"), "domains", problems, domain -> {
            String key = domain.strip().toLowerCase(Locale.ROOT);
            return DOMAIN.matcher(key).matches() ? key : null;
        });
        String fallback = null;
        Object given = top.get("default");
        if (given != null) {
            fallback = slug(given, "default", problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidOwnerRules(source, String.join(" ; ", problems));
        }
        return new OwnerRules(publishers, domains, fallback, source);
    }

    private static Map<String, String> entries(@Nullable Object section, String name, List<String> problems,
                                               java.util.function.Function<String, @Nullable String> keyOf) {
        Map<String, String> entries = new LinkedHashMap<>();
        if (section == null) {
            return entries;
        }
        if (!(section instanceof Map<?, ?> map)) {
            problems.add("« " + name + " » doit associer des noms à des identifiants d'organisation");
            return entries;
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = keyOf.apply(String.valueOf(entry.getKey()));
            if (key == null) {
                problems.add(name + " : « " + entry.getKey() + " » n'est pas une clé valable");
                continue;
            }
            String slug = slug(entry.getValue(), name + " « " + entry.getKey() + " »", problems);
            if (slug != null && entries.putIfAbsent(key, slug) != null && !entries.get(key).equals(slug)) {
                problems.add(name + " : « " + entry.getKey() + " » désigne deux organisations");
            }
        }
        return entries;
    }

    private static @Nullable String slug(@Nullable Object value, String where, List<String> problems) {
        String slug = value == null ? "" : String.valueOf(value).strip();
        if (slug.isEmpty()) {
            problems.add(where + " : identifiant d'organisation manquant");
            return null;
        }
        if (!SLUG.matcher(slug).matches()) {
            problems.add(where + " : « " + slug + " » n'est pas un identifiant d'organisation (minuscules, chiffres, -)");
            return null;
        }
        return slug;
    }

    /** A mapping file that cannot be used: the start stops with this message. */
    static final class InvalidOwnerRules extends IllegalStateException {
        InvalidOwnerRules(String source, String problem) {
            super("Correspondance éditeurs → organisations invalide (" + source + ") : " + problem);
        }
    }
}
