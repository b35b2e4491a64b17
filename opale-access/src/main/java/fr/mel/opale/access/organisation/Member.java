package fr.mel.opale.access.organisation;

import fr.mel.opale.access.MembershipRole;

/** A person in an organisation, with their one role there. */
public record Member(long personId, String displayName, MembershipRole role) {
}
