package fr.mel.opale.catalog;

import fr.mel.opale.access.Protected;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.model.CatalogRecord;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A record as the catalog holds it: the record plus what storage knows about it.
 *
 * @param version  increases on every change; updates must name the version they were based on
 * @param created  when Opale first stored it
 * @param modified when Opale last changed it
 * @param visibility        stored for the access policy, which alone interprets it (ask it, not this)
 * @param ownerOrganisation slug of the owning organisation; null for records the platform owns
 */
public record StoredRecord(CatalogRecord record, long version, Instant created, Instant modified,
                           Visibility visibility, @Nullable String ownerOrganisation) {
    public String id() {
        return record.id();
    }

    public Protected protection() {
        return new Protected(id(), ownerOrganisation, visibility);
    }
}
