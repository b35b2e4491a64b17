package fr.mel.opale.ingest.job;

import fr.mel.opale.ingest.TableReaders;
import jakarta.servlet.MultipartConfigElement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ingestion's beans: the readers (plain objects, one instance for the application) and the multipart settings
 * of the whole application, because uploads are the ingestion's: up to {@code opale.ingest.max-upload-size}
 * (default 2 GB), streamed to disk from the first byte ({@code file-size-threshold} 0) under the upload area,
 * never held in memory. Other upload forms (thesauri) bound their own size.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestSettings.class)
class IngestConfiguration {
    /** Room for the other parts of a multipart request (options JSON, form fields) beyond the file. */
    private static final long REQUEST_OVERHEAD = 16L << 20;

    @Bean
    TableReaders tableReaders() {
        return TableReaders.standard();
    }

    @Bean
    MultipartConfigElement multipartConfigElement(IngestSettings settings, UploadArea uploads) {
        long max = settings.maxUploadSize().toBytes();
        return new MultipartConfigElement(uploads.tmp().toString(), max, max + REQUEST_OVERHEAD, 0);
    }
}
