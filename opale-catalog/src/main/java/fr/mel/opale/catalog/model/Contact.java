package fr.mel.opale.catalog.model;

import org.jspecify.annotations.Nullable;

/**
 * A party responsible for the resource or its metadata.
 *
 * @param role  ISO CI_RoleCode value (pointOfContact, publisher, owner, custodian, distributor, originator, author...)
 * @param scope what the contact is for: the resource itself, its metadata, or its distribution
 */
public record Contact(@Nullable String individualName, @Nullable String organisationName,
                      @Nullable String positionName, @Nullable String email, @Nullable String phone,
                      @Nullable String address, @Nullable String url, @Nullable String role, Scope scope) {
    public enum Scope { RESOURCE, METADATA, DISTRIBUTION }

    public Contact {
        individualName = Strings.trimToNull(individualName);
        organisationName = Strings.trimToNull(organisationName);
        positionName = Strings.trimToNull(positionName);
        email = Strings.trimToNull(email);
        phone = Strings.trimToNull(phone);
        address = Strings.trimToNull(address);
        url = Strings.trimToNull(url);
        role = Strings.trimToNull(role);
        scope = scope == null ? Scope.RESOURCE : scope;
    }

    /** The organisation, else the person, else the email: what to show as this contact's name. */
    public @Nullable String displayName() {
        return organisationName != null ? organisationName : individualName != null ? individualName : email;
    }
}
