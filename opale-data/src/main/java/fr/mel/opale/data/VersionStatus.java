package fr.mel.opale.data;

/** Where a dataset version stands. Stored by name: never rename a constant. */
public enum VersionStatus {
    /** Being written; never served. Found at start-up, it means the server stopped mid-load: it becomes FAILED. */
    LOADING,
    /** Complete; served when it is the dataset's current version, kept for roll-back otherwise. */
    READY,
    /** The load failed (message says why); its table is gone. */
    FAILED,
    /** The load was cancelled; its table is gone. */
    CANCELLED
}
