package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.ResourceKind;
import java.time.LocalDate;
import java.util.Set;

/**
 * {@code preview}: a visitor can see the resource before downloading it — a graphic overview, or a link of one of
 * {@code linkKinds} (by default a service or an API, which a map or a table view can show).
 */
public record HasPreview(Set<ResourceKind> linkKinds) implements Check {
    public HasPreview {
        linkKinds = Set.copyOf(linkKinds);
    }

    @Override
    public boolean test(CatalogRecord record, LocalDate today) {
        return !record.overviews().isEmpty()
                || record.onlineResources().stream().anyMatch(r -> linkKinds.contains(r.kind()));
    }
}
