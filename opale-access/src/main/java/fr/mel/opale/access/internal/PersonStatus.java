package fr.mel.opale.access.internal;

/** The life of a person's account. Stored by name: never rename a constant. */
public enum PersonStatus {
    /** Signed up, address not verified yet: cannot log in. */
    PENDING,
    /** Can log in. */
    ACTIVE,
    /** Stopped by an administrator: cannot log in, tokens refused, sessions ended. */
    DISABLED
}
