package fr.mel.opale.ingest.job;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code opale.ingest.*} settings.
 *
 * @param workers          imports running at the same time (each takes a thread and a database connection)
 * @param queueCapacity    imports waiting beyond those; one more is refused with 503 until a place frees
 * @param allowPrivateUrls let URL sources point at loopback and private addresses (tests, intranet sources);
 *                         off by default so that nobody makes the server fetch its own network (SSRF)
 * @param maxDownloadSize  largest file a URL source may send
 * @param downloadTimeout  longest a URL download may take
 * @param maxUploadSize    largest uploaded file (multipart limit of the whole application)
 * @param uploadDir        where uploads and downloads wait for their job; default {@code <data dir>/uploads}
 * @param readOnceAbove    files at least this large are read once, typed by a plan guessed from their first records
 *                         while the whole file is analysed ({@code SpeculativeRead}); smaller ones are analysed,
 *                         then read — a second pass that costs little there
 * @param readOnceGuessRows the first records that guess the plan of such a read; when the whole file reads otherwise
 *                         (a late value demotes a column, a column empty at first fills up) that version is dropped
 *                         and the file read again with the whole file's analysis
 */
@ConfigurationProperties("opale.ingest")
public record IngestSettings(@DefaultValue("2") int workers, @DefaultValue("20") int queueCapacity,
                             @DefaultValue("false") boolean allowPrivateUrls,
                             @DefaultValue("2GB") DataSize maxDownloadSize,
                             @DefaultValue("30m") Duration downloadTimeout,
                             @DefaultValue("2GB") DataSize maxUploadSize,
                             @Nullable String uploadDir,
                             @DefaultValue("8MB") DataSize readOnceAbove,
                             @DefaultValue("20000") int readOnceGuessRows) {
    public IngestSettings {
        if (workers < 1) {
            throw new IllegalArgumentException("opale.ingest.workers doit valoir au moins 1 (reçu " + workers + ").");
        }
        if (readOnceGuessRows < 1) {
            throw new IllegalArgumentException("opale.ingest.read-once-guess-rows doit valoir au moins 1.");
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("opale.ingest.queue-capacity ne peut être négatif.");
        }
    }
}
