package fr.mel.opale.ogcapi.core;

import fr.mel.opale.ogcapi.OgcApiSettings;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * OGC API – Features Part 1: core (landing page, conformance, collections, items with limit/bbox/datetime and
 * paging), GeoJSON, HTML and OpenAPI 3.0; plus {@code properties} selection and {@code offset}.
 */
@Component
class CoreBuildingBlock implements BuildingBlock {
    private final OgcApiSettings settings;

    CoreBuildingBlock(OgcApiSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<String> conformanceClasses() {
        return List.of(
                "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/landing-page",
                "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/json",
                "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/html",
                "http://www.opengis.net/spec/ogcapi-common-1/1.0/conf/oas30",
                "http://www.opengis.net/spec/ogcapi-common-2/1.0/conf/collections",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
                "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30");
    }

    @Override
    public List<ItemsParameter> itemsParameters(OgcCollection collection) {
        return List.of(new LimitParameter(settings.defaultLimit(), settings.maxLimit()), new OffsetParameter(),
                new CursorParameter(), new BboxParameter(), new DatetimeParameter(), new PropertiesParameter());
    }
}
