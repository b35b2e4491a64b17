/**
 * Import jobs: upload, URL and scheduled sources, the bounded worker pool, the publishing pipeline (data store
 * version + catalog record + data-quality report), TableSchemas attached to datasets, start-up recovery.
 * Entry points: {@link fr.mel.opale.ingest.job.IngestJobs}, {@link fr.mel.opale.ingest.job.AttachedSchemas},
 * {@link fr.mel.opale.ingest.job.Rollbacks}.
 */
@NullMarked
package fr.mel.opale.ingest.job;

import org.jspecify.annotations.NullMarked;
