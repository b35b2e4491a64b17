package fr.mel.opale.catalog.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Where a record came from when it was imported or harvested.
 *
 * @param standard   the source format, e.g. {@code ISO 19139} or {@code ISO 19115-3}
 * @param catalog    the source catalogue's name or URL, when known
 * @param fileName   the file (or ZIP entry) it was read from
 * @param importedAt when Opale read it
 */
public record SourceInfo(@Nullable String standard, @Nullable String catalog, @Nullable String fileName,
                         @Nullable Instant importedAt) {
}
