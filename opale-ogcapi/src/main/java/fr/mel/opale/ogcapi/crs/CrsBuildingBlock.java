package fr.mel.opale.ogcapi.crs;

import fr.mel.opale.ogcapi.core.BuildingBlock;
import fr.mel.opale.ogcapi.core.ItemsParameter;
import fr.mel.opale.ogcapi.core.ItemsRequest;
import fr.mel.opale.ogcapi.core.OgcCollection;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * OGC API – Features Part 2: features in CRS84, EPSG:4326 (latitude first), Lambert-93 (EPSG:2154) and Web Mercator
 * (EPSG:3857) with {@code crs}, boxes in any of them with {@code bbox-crs}; the {@code Content-Crs} header says which
 * one an answer uses. Off with {@code opale.ogcapi.crs=false}.
 */
@Component
@ConditionalOnProperty(name = "opale.ogcapi.crs", havingValue = "true", matchIfMissing = true)
public class CrsBuildingBlock implements BuildingBlock {
    @Override
    public List<String> conformanceClasses() {
        return List.of("http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs");
    }

    @Override
    public List<ItemsParameter> itemsParameters(OgcCollection collection) {
        return List.of(new CrsParameter("crs", "Système de coordonnées des géométries renvoyées.") {
            @Override
            protected void set(ItemsRequest request, SupportedCrs crs) {
                request.crs(crs);
            }

            @Override
            public boolean forSingleFeature() {
                return true;
            }
        }, new CrsParameter("bbox-crs", "Système de coordonnées de bbox (CRS84 par défaut).") {
            @Override
            protected void set(ItemsRequest request, SupportedCrs crs) {
                request.bboxCrs(crs);
            }
        });
    }

    /** A parameter naming one of the {@link SupportedCrs}; applied before the parameters that use it. */
    public abstract static class CrsParameter implements ItemsParameter {
        private final String name;
        private final String description;

        protected CrsParameter(String name, String description) {
            this.name = name;
            this.description = description;
        }

        protected abstract void set(ItemsRequest request, SupportedCrs crs);

        @Override
        public String name() {
            return name;
        }

        @Override
        public void apply(String raw, ItemsRequest request) {
            set(request, SupportedCrs.parse(name, raw));
        }

        @Override
        public int rank() {
            return -10;
        }

        @Override
        public Map<String, Object> openApi(OgcCollection collection) {
            return ItemsParameter.describe(name, description,
                    Map.of("type", "string", "format", "uri", "enum", SupportedCrs.uris(),
                            "default", SupportedCrs.CRS84.uri));
        }
    }
}
