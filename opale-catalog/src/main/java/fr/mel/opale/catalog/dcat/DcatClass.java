package fr.mel.opale.catalog.dcat;

import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.OnlineResource;
import fr.mel.opale.catalog.model.ResourceKind;
import java.util.List;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCAT;

/**
 * What a record becomes in DCAT-AP, and how the catalog lists it.
 *
 * <ul>
 *   <li>Datasets, non-geographic datasets, series and "other" records are {@code dcat:Dataset}s. Series are not
 *   {@code dcat:DatasetSeries}: DCAT-AP 3 requires a series to have at least one member pointing at it with
 *   {@code dcat:inSeries}, which a page of the catalog cannot guarantee; members point at their series with
 *   {@code dct:isPartOf} instead.</li>
 *   <li>Services with at least one usable URL are {@code dcat:DataService}s ({@code dcat:endpointURL} is mandatory).
 *   A service without any is described as a {@code dcat:Dataset}: still discoverable, still valid.</li>
 *   <li>Reuses, maps, applications and feature catalogues describe no data of their own: they are plain
 *   {@code dcat:Resource}s, listed with DCAT 3's {@code dcat:resource}. DCAT-AP has no class for them, so
 *   harvesters that only read datasets skip them without tripping on an invalid dataset.</li>
 * </ul>
 */
enum DcatClass {
    DATASET(DCAT.Dataset, DCAT.dataset, "dataset"),
    DATA_SERVICE(DCAT.DataService, DCAT.service, "service"),
    RESOURCE(DCAT.Resource, DcatApTerms.DCAT_RESOURCE, "resource");

    private final Resource type;
    private final Property catalogProperty;
    private final String fragment;

    DcatClass(Resource type, Property catalogProperty, String fragment) {
        this.type = type;
        this.catalogProperty = catalogProperty;
        this.fragment = fragment;
    }

    Resource type() {
        return type;
    }

    /** The property linking the catalog to a resource of this class. */
    Property catalogProperty() {
        return catalogProperty;
    }

    /** The fragment of the resource's URI on its record page ({@code .../catalogue/{id}#dataset}). */
    String fragment() {
        return fragment;
    }

    static DcatClass of(CatalogRecord record) {
        return switch (record.kind()) {
            case DATASET, SERIES, NON_GEOGRAPHIC_DATASET, OTHER -> DATASET;
            case SERVICE -> endpoints(record).isEmpty() ? DATASET : DATA_SERVICE;
            case MAP, APPLICATION, REUSE, FEATURE_CATALOGUE -> RESOURCE;
        };
    }

    /**
     * The URLs a service answers on: its service and API links, else any link that is not documentation, each
     * made a valid IRI (invalid ones are skipped).
     */
    static List<String> endpoints(CatalogRecord record) {
        List<String> services = iris(record.onlineResources().stream()
                .filter(r -> r.kind() == ResourceKind.SERVICE || r.kind() == ResourceKind.API).toList());
        return !services.isEmpty() ? services : iris(record.onlineResources().stream()
                .filter(r -> r.kind() == ResourceKind.DOWNLOAD || r.kind() == ResourceKind.OTHER).toList());
    }

    private static List<String> iris(List<OnlineResource> resources) {
        return resources.stream().map(r -> IriSanitizer.webIri(r.url()))
                .filter(java.util.Objects::nonNull).distinct().toList();
    }
}
