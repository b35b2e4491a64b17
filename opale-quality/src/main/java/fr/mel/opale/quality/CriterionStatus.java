package fr.mel.opale.quality;

/** The outcome of one rule on one record. */
public enum CriterionStatus {
    MET,
    MISSED,
    /** The rule failed on this record (a bug or an unexpected value): logged, left out of the score. */
    UNKNOWN
}
