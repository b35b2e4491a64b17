package fr.mel.opale.ogcapi;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the OGC APIs ({@code opale.ogcapi.*}).
 *
 * @param defaultLimit       features per page when the client does not say ({@code limit}); 100
 * @param maxLimit           largest page; larger {@code limit}s are clamped to it, as the standard says; 10 000
 * @param corsOrigins        origins allowed to read from browsers; {@code *} (the default) = any origin, for public
 *                           collections only: responses showing restricted data get CORS headers only for origins
 *                           listed by name
 * @param temporalProperties collection id → the property {@code datetime} filters on, when it is not the first date
 *                           or timestamp column
 * @param crs                whether Part 2 (other CRS than CRS84) is on
 * @param filter             whether Part 3 (queryables, CQL2 filters, attribute parameters) is on
 * @param sorting            whether {@code sortby} is on
 */
@ConfigurationProperties("opale.ogcapi")
public record OgcApiSettings(@Nullable Integer defaultLimit, @Nullable Integer maxLimit,
                             @Nullable List<String> corsOrigins, @Nullable Map<String, String> temporalProperties,
                             @Nullable Boolean crs, @Nullable Boolean filter, @Nullable Boolean sorting) {
    public OgcApiSettings {
        maxLimit = maxLimit == null || maxLimit < 1 ? 10_000 : maxLimit;
        defaultLimit = defaultLimit == null || defaultLimit < 1 ? 100 : Math.min(defaultLimit, maxLimit);
        corsOrigins = corsOrigins == null ? List.of("*") : List.copyOf(corsOrigins);
        temporalProperties = temporalProperties == null ? Map.of() : Map.copyOf(temporalProperties);
        crs = crs == null || crs;
        filter = filter == null || filter;
        sorting = sorting == null || sorting;
    }
}
