package fr.mel.opale.access.identity;

/**
 * What a claim rule grants: a role in an organisation.
 *
 * @param organisation the organisation's slug ({@code lambersart}, {@code mel})
 * @param role         {@code member}, {@code editor} or {@code admin}
 */
public record OrganisationRole(String organisation, String role) {
}
