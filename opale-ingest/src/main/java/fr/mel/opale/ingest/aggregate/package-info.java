/**
 * Grouped measures over a dataset (charts): reading a request's parameters into an
 * {@link fr.mel.opale.data.AggregateQuery} and writing the answer as JSON or CSV. Shared by {@code /api/datasets/{id}/aggregate}
 * and the dataset page's chart.
 */
@NullMarked
package fr.mel.opale.ingest.aggregate;

import org.jspecify.annotations.NullMarked;
