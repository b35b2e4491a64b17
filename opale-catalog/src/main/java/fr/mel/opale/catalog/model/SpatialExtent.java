package fr.mel.opale.catalog.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the data lies.
 *
 * @param bbox     the overall box in WGS84 (union of the source's boxes), null when the source has none
 * @param geometry the source geometry in WGS84 as WKT (several boxes become a MULTIPOLYGON), null when only a box
 * @param places   geographic identifiers or descriptions (commune names, INSEE codes...)
 */
public record SpatialExtent(@Nullable BoundingBox bbox, @Nullable String geometry, List<String> places) {
    public static final SpatialExtent NONE = new SpatialExtent(null, null, List.of());

    public SpatialExtent {
        geometry = Strings.trimToNull(geometry);
        places = Strings.texts(places);
    }

    public boolean isEmpty() {
        return bbox == null && geometry == null && places.isEmpty();
    }
}
