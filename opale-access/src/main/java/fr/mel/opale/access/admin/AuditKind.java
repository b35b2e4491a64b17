package fr.mel.opale.access.admin;

/** What an audit log entry records. Stored by name: never rename a constant. */
public enum AuditKind {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    /** Refused before any check: too many failures for the account or the address. */
    LOGIN_LOCKED,
    /** Right password, but the account is not verified yet or disabled. */
    LOGIN_REFUSED,
    LOGOUT_EVERYWHERE,
    SIGNED_UP,
    EMAIL_VERIFIED,
    PASSWORD_CHANGED,
    PASSWORD_RESET,
    EMAIL_CHANGED,
    ROLE_GRANTED,
    ROLE_REVOKED,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    ACCOUNT_DELETED,
    SESSION_REVOKED,
    /** An OpenID Connect identity attached to an existing account, after the person proved that account. */
    IDENTITY_LINKED,
    IDENTITY_UNLINKED,
    /** Permission changes (who, when, what, before → after in the detail): see {@code internal.AccessAudit}. */
    ORGANISATION_CHANGED,
    ORGANISATION_MEMBER_CHANGED,
    PROJECT_CHANGED,
    PROJECT_MEMBER_CHANGED,
    GRANTS_CHANGED,
    VISIBILITY_CHANGED,
    /**
     * A permission change refused (unknown principal, invalid rule, a project containing itself, the last
     * administrator, managing what is not one's own): outcome « refusé » and the reason in the detail; see
     * {@code AccessRefusals}.
     */
    ACCESS_CHANGE_REFUSED,
    /** A passkey (WebAuthn credential) registered from "Mon compte"; the detail is its name. */
    PASSKEY_ADDED,
    /** A passkey deleted by its owner. */
    PASSKEY_REMOVED,
    /** A passkey renamed by its owner. */
    PASSKEY_RENAMED
}
