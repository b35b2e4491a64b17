package fr.mel.opale.ogcapi.core;

import fr.mel.opale.ogcapi.OgcApiProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code properties}: the properties to return, comma-separated (the geometry always comes); unknown names = 400. */
final class PropertiesParameter implements ItemsParameter {
    @Override
    public String name() {
        return "properties";
    }

    @Override
    public void apply(String raw, ItemsRequest request) {
        Set<String> names = new LinkedHashSet<>();
        for (String part : raw.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (request.collection().column(name).isEmpty()) {
                throw OgcApiProblem.badParameter(name(), "la propriété « " + Abbreviation.of(name)
                        + " » n'existe pas dans la collection « " + request.collection().id() + " ».");
            }
            names.add(name);
        }
        request.properties(new ArrayList<>(names));
    }

    @Override
    public boolean forSingleFeature() {
        return true;
    }

    @Override
    public Map<String, Object> openApi(OgcCollection collection) {
        List<String> names = collection.version().columns().stream().map(c -> c.name()).toList();
        return ItemsParameter.describe(name(), "Propriétés à renvoyer, séparées par des virgules.",
                Map.of("type", "array", "items", names.isEmpty() ? Map.of("type", "string")
                        : Map.of("type", "string", "enum", names)));
    }
}
