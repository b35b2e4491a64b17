package fr.mel.opale.ingest.job;

import java.time.Instant;

/**
 * A file uploaded on the import page, kept (on disk, under the upload area) between its analysis and the
 * producer's "publish". Forgotten ones are deleted after a day.
 *
 * @param token random, names it in the page's URLs
 */
public record StagedUpload(String token, String fileName, long size, Instant created) {
}
