package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.Contact;
import fr.mel.opale.catalog.model.ResourceKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The parameters of one check in a rule file, read with their line numbers. Every reader validates its value; a
 * parameter the check type does not take is an error ({@link #allowOnly}), so a typo never passes silently.
 */
final class Params {
    private final MappingNode node;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();
    private final RuleContext context;
    private final String type;

    Params(MappingNode node, RuleContext context, String type) {
        this.node = node;
        this.context = context;
        this.type = type;
        for (NodeTuple tuple : node.getValue()) {
            entries.put(scalarKey(tuple, context), tuple);
        }
    }

    RecordField field(String key) {
        ScalarNode value = scalar(key, true);
        return RecordField.byKey(value.getValue()).orElseThrow(() -> context.error(value,
                "champ inconnu « " + value.getValue() + " » (champs possibles : " + String.join(", ", RecordField.keys())
                        + ")"));
    }

    @Nullable Integer integer(String key) {
        ScalarNode value = scalar(key, false);
        if (value == null) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.getValue().strip());
            if (number < 0) {
                throw context.error(value, "« " + key + " » doit être un entier positif ou nul");
            }
            return number;
        } catch (NumberFormatException e) {
            throw context.error(value, "« " + key + " » doit être un entier, pas « " + value.getValue() + " »");
        }
    }

    int integer(String key, int fallback) {
        Integer value = integer(key);
        return value == null ? fallback : value;
    }

    boolean bool(String key, boolean fallback) {
        ScalarNode value = scalar(key, false);
        if (value == null) {
            return fallback;
        }
        return switch (value.getValue().strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "oui" -> true;
            case "false", "no", "non" -> false;
            default -> throw context.error(value, "« " + key + " » doit valoir true ou false");
        };
    }

    /** A scalar or a list of scalars; empty when absent. */
    List<String> strings(String key) {
        NodeTuple tuple = take(key);
        if (tuple == null) {
            return List.of();
        }
        Node value = tuple.getValueNode();
        if (value instanceof ScalarNode scalar) {
            return List.of(scalar.getValue());
        }
        if (value instanceof SequenceNode sequence) {
            List<String> values = new ArrayList<>();
            for (Node item : sequence.getValue()) {
                if (!(item instanceof ScalarNode scalar)) {
                    throw context.error(item, "« " + key + " » doit être une liste de textes");
                }
                values.add(scalar.getValue());
            }
            return values;
        }
        throw context.error(value, "« " + key + " » doit être un texte ou une liste de textes");
    }

    List<Pattern> patterns(String key) {
        NodeTuple tuple = entries.get(key);
        List<String> sources = strings(key);
        List<Pattern> patterns = new ArrayList<>();
        for (String source : sources) {
            try {
                patterns.add(Pattern.compile(source, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            } catch (PatternSyntaxException e) {
                throw context.error(tuple.getValueNode(), "expression régulière invalide « " + source + " » : "
                        + e.getDescription());
            }
        }
        return patterns;
    }

    Set<ResourceKind> resourceKinds(String key, Set<ResourceKind> fallback) {
        NodeTuple tuple = entries.get(key);
        List<String> names = strings(key);
        if (tuple == null) {
            return fallback;
        }
        Set<ResourceKind> kinds = EnumSet.noneOf(ResourceKind.class);
        for (String name : names) {
            kinds.add(constant(ResourceKind.class, name, tuple.getValueNode(), "type de lien"));
        }
        return kinds;
    }

    Set<Contact.Scope> scopes(String key) {
        NodeTuple tuple = entries.get(key);
        List<String> names = strings(key);
        if (tuple == null) {
            return EnumSet.allOf(Contact.Scope.class);
        }
        Set<Contact.Scope> scopes = EnumSet.noneOf(Contact.Scope.class);
        for (String name : names) {
            scopes.add(constant(Contact.Scope.class, name, tuple.getValueNode(), "portée de contact"));
        }
        return scopes;
    }

    List<Check> checks(String key) {
        NodeTuple tuple = take(key);
        if (tuple == null || !(tuple.getValueNode() instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw context.error(tuple == null ? node : tuple.getValueNode(),
                    "le contrôle « " + type + " » demande une liste non vide « " + key + " » de contrôles");
        }
        return sequence.getValue().stream().map(item -> CheckTypes.read(item, context)).toList();
    }

    /** Fails on the first parameter the check type does not take, before any value is read. */
    void allowOnly(List<String> parameters) {
        for (Map.Entry<String, NodeTuple> entry : entries.entrySet()) {
            if (!"type".equals(entry.getKey()) && !parameters.contains(entry.getKey())) {
                throw context.error(entry.getValue().getKeyNode(), "paramètre inconnu « " + entry.getKey()
                        + " » pour le contrôle « " + type + " »" + (parameters.isEmpty() ? " (aucun paramètre)"
                        : " (paramètres : " + String.join(", ", parameters) + ")"));
            }
        }
    }

    RuleContext context() {
        return context;
    }

    MappingNode node() {
        return node;
    }

    private @Nullable NodeTuple take(String key) {
        return entries.get(key);
    }

    private ScalarNode scalar(String key, boolean required) {
        NodeTuple tuple = take(key);
        if (tuple == null) {
            if (required) {
                throw context.error(node, "le contrôle « " + type + " » demande le paramètre « " + key + " »");
            }
            return null;
        }
        if (!(tuple.getValueNode() instanceof ScalarNode scalar)) {
            throw context.error(tuple.getValueNode(), "« " + key + " » doit être une valeur simple");
        }
        return scalar;
    }

    static String scalarKey(NodeTuple tuple, RuleContext context) {
        if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
            throw context.error(tuple.getKeyNode(), "clé invalide");
        }
        return key.getValue();
    }

    /** An enum constant named in any case, with or without {@code _} or {@code -} ({@code nonGeographicDataset}). */
    static <E extends Enum<E>> E constant(Class<E> type, String name, Node at, RuleContext context, String what) {
        String wanted = normalise(name);
        return Arrays.stream(type.getEnumConstants()).filter(c -> normalise(c.name()).equals(wanted)).findFirst()
                .orElseThrow(() -> context.error(at, what + " inconnu « " + name + " » (valeurs possibles : "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "))
                        + ")"));
    }

    private <E extends Enum<E>> E constant(Class<E> type, String name, Node at, String what) {
        return constant(type, name, at, context, what);
    }

    private static String normalise(String name) {
        return name.strip().replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
    }
}
