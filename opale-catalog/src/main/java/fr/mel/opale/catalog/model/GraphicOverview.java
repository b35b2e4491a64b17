package fr.mel.opale.catalog.model;

import org.jspecify.annotations.Nullable;

/** A preview image of the resource. */
public record GraphicOverview(String url, @Nullable String description, @Nullable String mediaType) {
    public GraphicOverview {
        url = Strings.trimToNull(url);
        if (url == null) {
            throw new IllegalArgumentException("Un aperçu doit avoir une URL");
        }
        description = Strings.trimToNull(description);
        mediaType = Strings.trimToNull(mediaType);
    }
}
