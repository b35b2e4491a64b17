package fr.mel.opale.ogcapi.core;

import fr.mel.opale.ogcapi.OgcApiProblem;
import java.util.Map;

/** {@code limit}: 1 to the maximum (larger values are clamped, as OGC API – Features requires), default 100. */
final class LimitParameter implements ItemsParameter {
    private final int defaultLimit;
    private final int maxLimit;

    LimitParameter(int defaultLimit, int maxLimit) {
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
    }

    @Override
    public String name() {
        return "limit";
    }

    @Override
    public void apply(String raw, ItemsRequest request) {
        long value;
        try {
            value = Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            // Beyond a long is still a number: clamp it like any too-large limit.
            if (raw.strip().matches("\\+?\\d+")) {
                value = Long.MAX_VALUE;
            } else {
                throw OgcApiProblem.badParameter(name(), "un entier entre 1 et " + maxLimit + " est attendu (reçu « "
                        + Abbreviation.of(raw) + " »).");
            }
        }
        if (value < 1) {
            throw OgcApiProblem.badParameter(name(), "un entier entre 1 et " + maxLimit + " est attendu (reçu " + value + ").");
        }
        request.limit(Math.min(value, maxLimit));
    }

    @Override
    public Map<String, Object> openApi(OgcCollection collection) {
        return ItemsParameter.describe(name(), "Nombre maximal d'objets par page (au-delà du maximum, le maximum "
                        + "s'applique).",
                Map.of("type", "integer", "minimum", 1, "maximum", maxLimit, "default", defaultLimit));
    }
}
