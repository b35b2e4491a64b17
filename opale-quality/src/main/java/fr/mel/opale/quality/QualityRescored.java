package fr.mel.opale.quality;

/**
 * Published after every record was re-scored (the rule set changed, or an administrator asked): the search index
 * re-reads the scores. Single scores publish nothing of their own: listeners of
 * {@link fr.mel.opale.catalog.RecordChanged} read the new score once the change has committed.
 *
 * @param records how many records were scored
 */
public record QualityRescored(int records) {
}
