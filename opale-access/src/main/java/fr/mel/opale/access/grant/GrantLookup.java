package fr.mel.opale.access.grant;

import java.util.List;

/** The grants of a resource, as the policy reads them (cached, dropped on every change of them). */
@FunctionalInterface
public interface GrantLookup {
    /** The grants on {@code resourceId}; empty when none. Never null. */
    List<Grant> of(String resourceId);

    /** The grants as stored now, bypassing any cache: for indexes, which must never keep a stale answer. */
    default List<Grant> fresh(String resourceId) {
        return of(resourceId);
    }

    GrantLookup NONE = resourceId -> List.of();
}
