package fr.mel.opale.data;

/**
 * Published after a dataset's row and column rules changed (committed): what describes the dataset to every reader
 * — its record's "Structure des données" — is rewritten so as to name no hidden column and count no ruled row.
 *
 * @param datasetId the dataset
 */
public record DatasetRulesChanged(String datasetId) {
}
