package fr.mel.opale.ogcapi.core;

import fr.mel.opale.ogcapi.OgcApiProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * {@code cursor}: the opaque position our {@code next} links carry — the last feature id seen and the rank of the
 * next feature — so that page 1 000 is read by key ({@code _fid > n}) as fast as page 1. Clients follow links and
 * never build it.
 */
public final class CursorParameter implements ItemsParameter {
    public static final String NAME = "cursor";

    @Override
    public String name() {
        return NAME;
    }

    public static String encode(long afterFid, long position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("k" + afterFid + "." + position).getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public void apply(String raw, ItemsRequest request) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(raw.strip()), StandardCharsets.US_ASCII);
            if (decoded.startsWith("k") && decoded.indexOf('.') > 1) {
                long fid = Long.parseLong(decoded.substring(1, decoded.indexOf('.')));
                long position = Long.parseLong(decoded.substring(decoded.indexOf('.') + 1));
                if (fid >= 0 && position >= 0) {
                    request.cursor(fid, position);
                    return;
                }
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw OgcApiProblem.badParameter(NAME, "curseur illisible ; suivez les liens « next » sans les modifier.");
    }

    @Override
    public Map<String, Object> openApi(OgcCollection collection) {
        return ItemsParameter.describe(NAME, "Position opaque donnée par les liens « next » (pagination par clé).",
                Map.of("type", "string"));
    }
}
