/** The ingestion's HTTP API: {@code /api/ingest} (uploads, URLs, jobs, schedules) and {@code /api/datasets}. */
@NullMarked
package fr.mel.opale.ingest.api;

import org.jspecify.annotations.NullMarked;
