package fr.mel.opale.catalog.model;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What only a service record has: its type (view, download, OGC:WMS...), versions and coupling. */
public record ServiceInfo(@Nullable String serviceType, List<String> serviceTypeVersions,
                          @Nullable String couplingType) {
    public ServiceInfo {
        serviceType = Strings.trimToNull(serviceType);
        serviceTypeVersions = Strings.texts(serviceTypeVersions);
        couplingType = Strings.trimToNull(couplingType);
    }
}
