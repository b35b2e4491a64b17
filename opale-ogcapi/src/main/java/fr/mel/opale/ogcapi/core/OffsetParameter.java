package fr.mel.opale.ogcapi.core;

import fr.mel.opale.ogcapi.OgcApiProblem;
import java.util.Map;

/** {@code offset}: features to skip (honoured; {@code next} links use a keyset cursor instead, which stays fast). */
final class OffsetParameter implements ItemsParameter {
    @Override
    public String name() {
        return "offset";
    }

    @Override
    public void apply(String raw, ItemsRequest request) {
        try {
            long value = Long.parseLong(raw.strip());
            if (value >= 0) {
                request.offset(value);
                return;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw OgcApiProblem.badParameter(name(), "un entier positif ou nul est attendu (reçu « " + Abbreviation.of(raw) + " »).");
    }

    @Override
    public Map<String, Object> openApi(OgcCollection collection) {
        return ItemsParameter.describe(name(), "Nombre d'objets à sauter avant la page.",
                Map.of("type", "integer", "minimum", 0, "default", 0));
    }
}
