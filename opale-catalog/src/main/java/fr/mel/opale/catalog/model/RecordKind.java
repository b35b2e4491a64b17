package fr.mel.opale.catalog.model;

import java.util.Locale;

/**
 * What a record describes. ISO 19115 scope codes map onto these ({@link #fromIsoScope}). {@link #MAP} uses
 * GeoNetwork's {@code interactiveMap} scope; {@link #REUSE} is the platform's own (udata's reuses) and exports to
 * ISO as {@code application}.
 */
public enum RecordKind {
    DATASET("dataset"),
    SERIES("series"),
    SERVICE("service"),
    NON_GEOGRAPHIC_DATASET("nonGeographicDataset"),
    MAP("interactiveMap"),
    APPLICATION("application"),
    REUSE("application"),
    FEATURE_CATALOGUE("featureType"),
    OTHER("dataset");

    private final String isoScope;

    RecordKind(String isoScope) {
        this.isoScope = isoScope;
    }

    /** The ISO 19115 MD_ScopeCode value this kind exports as. */
    public String isoScope() {
        return isoScope;
    }

    /** A lenient reading of an ISO scope code; unknown or missing codes mean a dataset (ISO's default). */
    public static RecordKind fromIsoScope(String code) {
        if (code == null) {
            return DATASET;
        }
        return switch (code.strip().toLowerCase(Locale.ROOT)) {
            case "", "dataset" -> DATASET;
            case "series" -> SERIES;
            case "service" -> SERVICE;
            case "nongeographicdataset" -> NON_GEOGRAPHIC_DATASET;
            case "application" -> APPLICATION;
            case "interactivemap", "map" -> MAP;
            case "featuretype", "featurecatalogue", "feature" -> FEATURE_CATALOGUE;
            default -> OTHER;
        };
    }

    /** Whether it describes data (as opposed to a service, an application or a reuse). */
    public boolean isData() {
        return this == DATASET || this == SERIES || this == NON_GEOGRAPHIC_DATASET;
    }
}
