package fr.mel.opale.data;

import org.jspecify.annotations.Nullable;

/**
 * How a load ended. A load never throws once its version is registered: it answers with the version in its final
 * state — READY (now served), FAILED or CANCELLED (discarded; the served version did not change).
 *
 * @param version the version as registered at the end
 * @param cause   what made it fail (the row source's exception, a database error...); null when READY or CANCELLED
 */
public record LoadResult(DatasetVersion version, @Nullable Throwable cause) {
    public boolean succeeded() {
        return version.status() == VersionStatus.READY;
    }
}
