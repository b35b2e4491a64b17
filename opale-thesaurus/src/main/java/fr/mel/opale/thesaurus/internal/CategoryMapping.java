package fr.mel.opale.thesaurus.internal;

import fr.mel.opale.catalog.model.Keyword;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The mapping from other vocabularies (INSPIRE themes, GEMET themes, EU data themes, ISO topic categories) to usage
 * categories, read once at start from YAML: {@code opale.category-mapping} ({@code OPALE_CATEGORY_MAPPING}) when set,
 * else {@code <data dir>/category-mapping.yml} when present, else the file shipped in the JAR
 * ({@code thesaurus/category-mapping.yml}, which documents the format). A broken file stops the start with its name:
 * better than a catalog silently left unclassified. Immutable after construction; thread-safe.
 *
 * <p>Categories are kept as written (slugs or URIs) and resolved against the usage-category thesaurus at use, so an
 * administrator's replacement of that thesaurus applies without restart.
 */
@Component
public class CategoryMapping {
    static final String DEFAULT = "thesaurus/category-mapping.yml";
    private static final Logger LOG = LoggerFactory.getLogger(CategoryMapping.class);

    private final List<Vocabulary> vocabularies;
    private final Map<String, List<String>> topicCategories;
    private final String source;

    @Autowired
    CategoryMapping(@Value("${opale.category-mapping:}") String configured,
                    @Value("${opale.data.dir:}") String dataDir) {
        Path file = !configured.isBlank() ? Path.of(configured)
                : !dataDir.isBlank() && Files.isRegularFile(Path.of(dataDir, "category-mapping.yml"))
                        ? Path.of(dataDir, "category-mapping.yml") : null;
        Map<String, Object> yaml;
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("Correspondance des catégories introuvable : " + file.toAbsolutePath());
            }
            try (InputStream in = Files.newInputStream(file)) {
                yaml = parse(in, file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("Correspondance des catégories illisible : " + file, e);
            }
            source = file.toAbsolutePath().toString();
        } else {
            try (InputStream in = new ClassPathResource(DEFAULT).getInputStream()) {
                yaml = parse(in, DEFAULT);
            } catch (IOException e) {
                throw new UncheckedIOException("Correspondance des catégories par défaut illisible", e);
            }
            source = "classpath:" + DEFAULT;
        }
        this.vocabularies = vocabularies(yaml.get("vocabularies"));
        this.topicCategories = topics(yaml.get("topic-categories"));
        LOG.info("Correspondance des catégories d'usage : {} ({} vocabulaires, {} catégories thématiques ISO)",
                source, vocabularies.size(), topicCategories.size());
    }

    /** For tests: the mapping of a YAML text. */
    static CategoryMapping of(String yaml) {
        return new CategoryMapping(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
    }

    @SuppressWarnings("unchecked")
    private CategoryMapping(Object yaml) {
        Map<String, Object> map = yaml instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        this.vocabularies = vocabularies(map.get("vocabularies"));
        this.topicCategories = topics(map.get("topic-categories"));
        this.source = "(texte)";
    }

    /** Where the mapping was read from, for the logs and the admin page. */
    public String source() {
        return source;
    }

    /**
     * The categories (slugs or URIs, as written) a keyword maps to: by its concept URI, or by its label when its
     * thesaurus citation names the vocabulary. Empty when none.
     */
    public Set<String> categoriesOf(Keyword keyword) {
        Set<String> result = new LinkedHashSet<>();
        String uriKey = MatchKeys.uri(keyword.uri());
        String citation = keyword.thesaurus() == null ? ""
                : (MatchKeys.text(keyword.thesaurus().title()) + " " + MatchKeys.text(keyword.thesaurus().uri()));
        for (Vocabulary vocabulary : vocabularies) {
            List<String> byUri = uriKey.isEmpty() ? null : vocabulary.byUri().get(uriKey);
            if (byUri != null) {
                result.addAll(byUri);
            } else if (!citation.isBlank() && vocabulary.citedIn(citation)) {
                keyword.label().values().values().forEach(label -> {
                    List<String> byLabel = vocabulary.byLabel().get(MatchKeys.text(label));
                    if (byLabel != null) {
                        result.addAll(byLabel);
                    }
                });
            }
        }
        return result;
    }

    /** Every concept URI key the vocabularies map, with its categories (for the completeness tests). */
    Map<String, List<String>> uriMappings() {
        Map<String, List<String>> all = new HashMap<>();
        vocabularies.forEach(v -> all.putAll(v.byUri()));
        return all;
    }

    /** Every topic category code mapped (lower case), with its categories. */
    Map<String, List<String>> topicMappings() {
        return topicCategories;
    }

    /** The categories an ISO topic category code maps to ({@code planningCadastre}...); empty when none. */
    public List<String> categoriesOfTopic(String topicCategory) {
        return topicCategories.getOrDefault(topicCategory.strip().toLowerCase(Locale.ROOT), List.of());
    }

    /** One vocabulary: concept URI keys and label keys to categories, and how its citations are recognised. */
    record Vocabulary(String name, List<String> citationKeys, Map<String, List<String>> byUri,
                      Map<String, List<String>> byLabel) {
        boolean citedIn(String citationKey) {
            return citationKeys.stream().anyMatch(citationKey::contains);
        }
    }

    private static Map<String, Object> parse(InputStream in, String name) {
        try {
            Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            if (!(yaml instanceof Map<?, ?> map)) {
                throw new IllegalStateException("Correspondance des catégories " + name + " : un objet YAML est attendu");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> typed = (Map<String, Object>) map;
            return typed;
        } catch (RuntimeException e) {
            throw new IllegalStateException("Correspondance des catégories " + name + " invalide : " + e.getMessage(), e);
        }
    }

    private static List<Vocabulary> vocabularies(@Nullable Object node) {
        List<Vocabulary> result = new ArrayList<>();
        for (Object entry : list(node)) {
            if (!(entry instanceof Map<?, ?> vocabulary)) {
                continue;
            }
            Map<String, List<String>> byUri = new HashMap<>();
            Map<String, List<String>> byLabel = new HashMap<>();
            for (Object c : list(vocabulary.get("concepts"))) {
                if (c instanceof Map<?, ?> concept) {
                    List<String> categories = strings(concept.get("categories"));
                    String uri = concept.get("uri") == null ? null : concept.get("uri").toString();
                    if (uri != null) {
                        byUri.put(MatchKeys.uri(uri), categories);
                    }
                    strings(concept.get("labels")).forEach(l -> byLabel.putIfAbsent(MatchKeys.text(l), categories));
                }
            }
            List<String> keys = strings(vocabulary.get("citation-contains")).stream().map(MatchKeys::text)
                    .filter(k -> !k.isEmpty()).toList();
            result.add(new Vocabulary(String.valueOf(vocabulary.get("name")), keys, Map.copyOf(byUri),
                    Map.copyOf(byLabel)));
        }
        return List.copyOf(result);
    }

    private static Map<String, List<String>> topics(@Nullable Object node) {
        Map<String, List<String>> result = new HashMap<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((code, categories) -> result.put(String.valueOf(code).strip().toLowerCase(Locale.ROOT),
                    strings(categories)));
        }
        return Map.copyOf(result);
    }

    private static List<?> list(@Nullable Object node) {
        return node instanceof List<?> l ? l : List.of();
    }

    private static List<String> strings(@Nullable Object node) {
        return list(node).stream().filter(o -> o != null).map(o -> o.toString().strip())
                .filter(s -> !s.isEmpty()).toList();
    }
}
