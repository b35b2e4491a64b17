package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.ResourceKind;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The library of check types, by the name rule files give in {@code check.type}. Each entry reads and validates its
 * parameters; README.md documents them.
 */
public final class CheckTypes {
    private static final Map<String, Type> TYPES = new LinkedHashMap<>();

    static {
        add("present", p -> new FieldPresent(p.field("field")), "field");
        add("length", CheckTypes::length, "field", "min", "max");
        add("inList", CheckTypes::inList, "field", "values", "patterns");
        add("thesaurusKeyword", CheckTypes::thesaurusKeyword, "uris", "titles", "min");
        add("contactEmail", p -> new ContactEmail(p.scopes("scopes"), p.bool("includePublisher", true)),
                "scopes", "includePublisher");
        add("upToDate", p -> new UpToDate(p.integer("graceDays", 0)), "graceDays");
        add("temporalExtent", p -> new TemporalExtentPresent());
        add("spatialExtent", p -> new SpatialExtentPresent(p.bool("requireBox", false)), "requireBox");
        add("distribution", p -> new HasDistribution(p.resourceKinds("kinds", Set.of()), p.strings("formats"),
                p.bool("declaredFormats", true)), "kinds", "formats", "declaredFormats");
        add("preview", p -> new HasPreview(p.resourceKinds("linkKinds",
                EnumSet.of(ResourceKind.SERVICE, ResourceKind.API))), "linkKinds");
        add("lineage", p -> new LineagePresent(p.integer("minLength", 1)), "minLength");
        add("resourcesDescribed", p -> new ResourcesDescribed());
        add("anyOf", p -> new AnyOf(p.checks("checks")), "checks");
        add("allOf", p -> new AllOf(p.checks("checks")), "checks");
    }

    /** A check type: the parameters it accepts (checked before reading any) and how to build it. */
    private record Type(List<String> parameters, Function<Params, Check> factory) {
    }

    private static void add(String name, Function<Params, Check> factory, String... parameters) {
        TYPES.put(name, new Type(List.of(parameters), factory));
    }

    private CheckTypes() {
    }

    /** The names a rule file may use as {@code type}. */
    public static List<String> names() {
        return List.copyOf(TYPES.keySet());
    }

    /** Reads one {@code check:} mapping; throws {@link InvalidRuleSet} naming the line on any problem. */
    static Check read(Node node, RuleContext context) {
        if (!(node instanceof MappingNode mapping)) {
            throw context.error(node, "un contrôle s'écrit « {type: ..., paramètres...} »");
        }
        ScalarNode typeNode = null;
        for (NodeTuple tuple : mapping.getValue()) {
            if ("type".equals(Params.scalarKey(tuple, context)) && tuple.getValueNode() instanceof ScalarNode s) {
                typeNode = s;
            }
        }
        if (typeNode == null) {
            throw context.error(node, "type de contrôle manquant (« type: » parmi " + String.join(", ", names()) + ")");
        }
        Type type = TYPES.get(typeNode.getValue());
        if (type == null) {
            throw context.error(typeNode, "type de contrôle inconnu « " + typeNode.getValue() + " » (types connus : "
                    + String.join(", ", names()) + ")");
        }
        Params params = new Params(mapping, context, typeNode.getValue());
        params.allowOnly(type.parameters());
        return type.factory().apply(params);
    }

    private static Check length(Params p) {
        RecordField field = p.field("field");
        Integer min = p.integer("min");
        Integer max = p.integer("max");
        if (min == null && max == null) {
            throw p.context().error(p.node(), "le contrôle « length » demande « min », « max » ou les deux");
        }
        if (min != null && max != null && min > max) {
            throw p.context().error(p.node(), "« min » (" + min + ") dépasse « max » (" + max + ")");
        }
        return new TextLength(field, min, max);
    }

    private static Check inList(Params p) {
        ValueInList check = new ValueInList(p.field("field"), p.strings("values"), p.patterns("patterns"));
        if (check.values().isEmpty() && check.patterns().isEmpty()) {
            throw p.context().error(p.node(), "le contrôle « inList » demande « values », « patterns » ou les deux");
        }
        return check;
    }

    private static Check thesaurusKeyword(Params p) {
        ThesaurusKeyword check = new ThesaurusKeyword(p.strings("uris"), p.strings("titles"), p.integer("min", 1));
        if (check.uris().isEmpty() && check.titles().isEmpty()) {
            throw p.context().error(p.node(), "le contrôle « thesaurusKeyword » demande « uris », « titles » ou les deux");
        }
        return check;
    }
}
