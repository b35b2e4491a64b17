package fr.mel.opale.access.grant;

/**
 * One grant: {@code right} on resource {@code resourceId} for {@code principal}.
 *
 * @param resourceId a record's id (the dataset it describes follows it)
 */
public record Grant(String resourceId, GrantPrincipal principal, AccessRight right) {
}
