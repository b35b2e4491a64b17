package fr.mel.opale.ogcapi.sorting;

import fr.mel.opale.data.SortKey;
import fr.mel.opale.ogcapi.OgcApiProblem;
import fr.mel.opale.ogcapi.core.Abbreviation;
import fr.mel.opale.ogcapi.core.BuildingBlock;
import fr.mel.opale.ogcapi.core.ItemsParameter;
import fr.mel.opale.ogcapi.core.ItemsRequest;
import fr.mel.opale.ogcapi.core.OgcCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code sortby=+commune,-population} (OGC API – Features Part 8 draft, as in Records): sort keys on queryables, ties
 * broken by feature id so pages never overlap. Sorted pages are linked by offset (the keyset cursor follows the
 * natural order only). Off with {@code opale.ogcapi.sorting=false}.
 */
@Component
@ConditionalOnProperty(name = "opale.ogcapi.sorting", havingValue = "true", matchIfMissing = true)
public class SortingBuildingBlock implements BuildingBlock {
    /** More keys than this cannot sharpen an ordering usefully, only cost the database. */
    static final int MAX_KEYS = 5;

    @Override
    public List<String> conformanceClasses() {
        return List.of("http://www.opengis.net/spec/ogcapi-features-8/1.0/conf/sorting");
    }

    @Override
    public List<ItemsParameter> itemsParameters(OgcCollection collection) {
        return List.of(new SortbyParameter());
    }

    static final class SortbyParameter implements ItemsParameter {
        @Override
        public String name() {
            return "sortby";
        }

        @Override
        public void apply(String raw, ItemsRequest request) {
            List<SortKey> keys = new ArrayList<>();
            for (String part : raw.split(",")) {
                // An unencoded '+' arrives as a space.
                String key = part.strip();
                if (key.isEmpty()) {
                    continue;
                }
                boolean descending = key.startsWith("-");
                String name = key.startsWith("-") || key.startsWith("+") ? key.substring(1).strip() : key;
                if (name.endsWith(":D") || name.endsWith(":A")) { // the Records draft's suffix form
                    descending = name.endsWith(":D");
                    name = name.substring(0, name.length() - 2);
                }
                if (request.collection().column(name).isEmpty()) {
                    throw OgcApiProblem.badParameter(name(), "la propriété « " + Abbreviation.of(name)
                            + " » n'existe pas dans la collection « " + request.collection().id() + " ».");
                }
                keys.add(new SortKey(name, descending));
            }
            if (keys.size() > MAX_KEYS) {
                throw OgcApiProblem.badParameter(name(), "au plus " + MAX_KEYS + " clés de tri.");
            }
            request.sortBy(keys);
        }

        @Override
        public Map<String, Object> openApi(OgcCollection collection) {
            return ItemsParameter.describe(name(), "Tri : propriétés séparées par des virgules, préfixées de + "
                    + "(croissant, par défaut) ou - (décroissant).", Map.of("type", "string"));
        }
    }
}
