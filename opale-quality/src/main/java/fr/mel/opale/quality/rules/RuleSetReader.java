package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.RecordKind;
import fr.mel.opale.quality.Bilingual;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a rule file (YAML, format in README.md) into a {@link RuleSet}, or throws {@link InvalidRuleSet} naming the
 * file, the line and the rule. Works on SnakeYAML's node tree (not on objects) to keep every line number; never
 * instantiates types from the file.
 */
public final class RuleSetReader {
    /**
     * Part of every fingerprint: bump it when a check's meaning changes in code, so that stored scores are
     * recomputed at the next start even though the file did not change.
     */
    static final String ENGINE_VERSION = "1";
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Set<String> RULE_KEYS = Set.of("id", "label", "hint", "weight", "kinds", "check");
    private static final double TOTAL = 100.0;
    private static final int MAX_CHARS = 1_000_000;

    private RuleSetReader() {
    }

    public static RuleSet read(String source, String yaml) {
        if (yaml.length() > MAX_CHARS) {
            throw new InvalidRuleSet(source, 1, null, "fichier trop volumineux (plus d'un million de caractères)");
        }
        Node root = compose(source, yaml);
        RuleContext fileContext = new RuleContext(source, null);
        if (!(root instanceof MappingNode mapping)) {
            throw root == null ? new InvalidRuleSet(source, 1, null, "fichier vide : il faut une liste « rules: »")
                    : fileContext.error(root, "le fichier doit commencer par « rules: » suivi de la liste des règles");
        }
        SequenceNode rulesNode = null;
        for (NodeTuple tuple : mapping.getValue()) {
            String key = Params.scalarKey(tuple, fileContext);
            if ("rules".equals(key) && tuple.getValueNode() instanceof SequenceNode sequence) {
                rulesNode = sequence;
            } else if (!"version".equals(key)) {
                throw fileContext.error(tuple.getKeyNode(), "clé inconnue « " + key + " » (attendu : rules, version)");
            }
        }
        if (rulesNode == null || rulesNode.getValue().isEmpty()) {
            throw fileContext.error(root, "il faut une liste non vide « rules: »");
        }
        List<QualityRule> rules = new ArrayList<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (Node ruleNode : rulesNode.getValue()) {
            QualityRule rule = rule(ruleNode, source);
            if (lines.containsKey(rule.id())) {
                throw new RuleContext(source, rule.id()).error(ruleNode, "identifiant déjà utilisé par une autre règle");
            }
            lines.put(rule.id(), ruleNode.getStartMark().getLine() + 1);
            rules.add(rule);
        }
        checkTotals(rules, source, lines);
        return new RuleSet(source, fingerprint(yaml), rules);
    }

    private static @Nullable Node compose(String source, String yaml) {
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(50);
            options.setCodePointLimit(MAX_CHARS * 4);
            return new Yaml(options).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new InvalidRuleSet(source, line, null, "YAML illisible : " + e.getProblem());
        } catch (YAMLException e) {
            throw new InvalidRuleSet(source, 1, null, "YAML illisible : " + e.getMessage());
        }
    }

    private static QualityRule rule(Node node, String source) {
        RuleContext context = new RuleContext(source, null);
        if (!(node instanceof MappingNode mapping)) {
            throw context.error(node, "une règle s'écrit « - id: ... » suivi de label, hint, weight, kinds et check");
        }
        Map<String, NodeTuple> entries = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            entries.put(Params.scalarKey(tuple, context), tuple);
        }
        NodeTuple idEntry = entries.get("id");
        if (idEntry == null || !(idEntry.getValueNode() instanceof ScalarNode idNode)) {
            throw context.error(node, "règle sans « id »");
        }
        String id = idNode.getValue().strip();
        context = new RuleContext(source, id);
        if (!ID.matcher(id).matches()) {
            throw context.error(idNode, "identifiant invalide : minuscules, chiffres et tirets seulement");
        }
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!RULE_KEYS.contains(entry.getKey())) {
                throw context.error(entry.getValue().getKeyNode(), "clé inconnue « " + entry.getKey()
                        + " » (attendu : " + String.join(", ", List.of("id", "label", "hint", "weight", "kinds", "check"))
                        + ")");
            }
        }
        Bilingual label = bilingual(entries.get("label"), "label", node, context);
        Bilingual hint = bilingual(entries.get("hint"), "hint", node, context);
        Map<RecordKind, Double> weights = weights(entries.get("weight"), entries.get("kinds"), node, context);
        NodeTuple check = entries.get("check");
        if (check == null) {
            throw context.error(node, "règle sans « check »");
        }
        return new QualityRule(id, label, hint, weights, CheckTypes.read(check.getValueNode(), context));
    }

    private static Bilingual bilingual(@Nullable NodeTuple entry, String key, Node rule, RuleContext context) {
        if (entry == null) {
            throw context.error(rule, "« " + key + " » manquant (textes « fr » et « en »)");
        }
        if (!(entry.getValueNode() instanceof MappingNode mapping)) {
            throw context.error(entry.getValueNode(), "« " + key + " » doit donner « fr: » et « en: »");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String language = Params.scalarKey(tuple, context);
            if (!"fr".equals(language) && !"en".equals(language)) {
                throw context.error(tuple.getKeyNode(), "langue « " + language + " » inconnue dans « " + key
                        + " » (fr, en)");
            }
            if (!(tuple.getValueNode() instanceof ScalarNode text) || text.getValue().isBlank()) {
                throw context.error(tuple.getValueNode(), "« " + key + "." + language + " » doit être un texte");
            }
            texts.put(language, text.getValue().strip());
        }
        if (!texts.containsKey("fr") || !texts.containsKey("en")) {
            throw context.error(mapping, "« " + key + " » doit donner le texte français (fr) et anglais (en)");
        }
        return new Bilingual(texts.get("fr"), texts.get("en"));
    }

    /**
     * {@code weight: 6} with {@code kinds: [dataset, series]} (no {@code kinds}: every kind), or one weight per kind:
     * {@code weight: {dataset: 6, service: 10}}.
     */
    private static Map<RecordKind, Double> weights(@Nullable NodeTuple weight, @Nullable NodeTuple kinds, Node rule,
                                                   RuleContext context) {
        if (weight == null) {
            throw context.error(rule, "« weight » manquant");
        }
        Map<RecordKind, Double> weights = new EnumMap<>(RecordKind.class);
        Node value = weight.getValueNode();
        if (value instanceof MappingNode perKind) {
            if (kinds != null) {
                throw context.error(kinds.getKeyNode(),
                        "« kinds » est inutile quand « weight » donne un poids par type de fiche");
            }
            for (NodeTuple tuple : perKind.getValue()) {
                RecordKind kind = Params.constant(RecordKind.class, Params.scalarKey(tuple, context),
                        tuple.getKeyNode(), context, "type de fiche");
                weights.put(kind, number(tuple.getValueNode(), context));
            }
            return weights;
        }
        double number = number(value, context);
        if (kinds == null) {
            for (RecordKind kind : RecordKind.values()) {
                weights.put(kind, number);
            }
            return weights;
        }
        Node kindList = kinds.getValueNode();
        List<Node> items = kindList instanceof SequenceNode sequence ? sequence.getValue() : List.of(kindList);
        for (Node item : items) {
            if (!(item instanceof ScalarNode name)) {
                throw context.error(item, "« kinds » doit être une liste de types de fiche");
            }
            weights.put(Params.constant(RecordKind.class, name.getValue(), name, context, "type de fiche"), number);
        }
        return weights;
    }

    private static double number(Node node, RuleContext context) {
        if (!(node instanceof ScalarNode scalar)) {
            throw context.error(node, "le poids doit être un nombre");
        }
        try {
            double number = Double.parseDouble(scalar.getValue().strip());
            if (!Double.isFinite(number) || number < 0) {
                throw context.error(node, "le poids doit être un nombre positif, pas « " + scalar.getValue() + " »");
            }
            return number;
        } catch (NumberFormatException e) {
            throw context.error(node, "le poids doit être un nombre, pas « " + scalar.getValue() + " »");
        }
    }

    /** For every kind any rule applies to, the weights must sum to 100: the score is then a plain sum of points. */
    private static void checkTotals(List<QualityRule> rules, String source, Map<String, Integer> lines) {
        for (RecordKind kind : RecordKind.values()) {
            List<QualityRule> applicable = rules.stream().filter(r -> r.appliesTo(kind)).toList();
            double total = applicable.stream().mapToDouble(r -> r.weight(kind)).sum();
            if (!applicable.isEmpty() && Math.abs(total - TOTAL) > 1e-6) {
                // reported at the kind's last rule: where a missing or extra weight is usually noticed
                String last = applicable.get(applicable.size() - 1).id();
                throw new InvalidRuleSet(source, lines.get(last), last,
                        "les poids des règles du type de fiche " + kind.name() + " totalisent " + format(total)
                                + " au lieu de 100 (règles : " + applicable.stream().map(QualityRule::id)
                                .collect(Collectors.joining(", ")) + ")");
            }
        }
    }

    private static String format(double number) {
        return number == Math.rint(number) ? String.valueOf((long) number) : String.valueOf(number);
    }

    private static String fingerprint(String yaml) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("opale-quality-engine-" + ENGINE_VERSION + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
