package fr.mel.opale.access.grant;

/** What a grant gives on a resource. Stored by name: never rename a constant. */
public enum AccessRight {
    /** See it: its page, its API forms, its rows, tiles and downloads. */
    READ,
    /** Also edit it (its record, its rows); includes {@link #READ}. */
    WRITE
}
