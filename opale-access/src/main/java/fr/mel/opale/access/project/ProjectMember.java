package fr.mel.opale.access.project;

import fr.mel.opale.access.MembershipRole;

/**
 * A member of a project and its role there. For an organisation or a project, every person belonging to it holds
 * {@code role} in this project.
 *
 * @param kind  what sort of member
 * @param name  the person id, or the organisation or project slug
 * @param label what it is called on screen (display name, organisation or project name)
 */
public record ProjectMember(Kind kind, String name, String label, MembershipRole role) {
    public enum Kind { PERSON, ORGANISATION, PROJECT }
}
