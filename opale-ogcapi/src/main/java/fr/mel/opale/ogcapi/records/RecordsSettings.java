package fr.mel.opale.ogcapi.records;

import fr.mel.opale.search.SearchQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of OGC API – Records ({@code opale.ogcapi.records.*}).
 *
 * @param enabled      whether the catalog collection, its endpoints and conformance classes are on (default true)
 * @param defaultLimit records per page when the client does not say; 10
 * @param maxLimit     largest page, larger {@code limit}s being clamped to it; at most the search's page size
 *                     ({@value SearchQuery#MAX_SIZE}), its default too
 */
@ConfigurationProperties("opale.ogcapi.records")
public record RecordsSettings(@Nullable Boolean enabled, @Nullable Integer defaultLimit, @Nullable Integer maxLimit) {
    public RecordsSettings {
        enabled = enabled == null || enabled;
        maxLimit = maxLimit == null || maxLimit < 1 || maxLimit > SearchQuery.MAX_SIZE ? SearchQuery.MAX_SIZE : maxLimit;
        defaultLimit = defaultLimit == null || defaultLimit < 1 ? Math.min(10, maxLimit) : Math.min(defaultLimit, maxLimit);
    }
}
