package fr.mel.opale.catalog.model;

import org.jspecify.annotations.Nullable;

/** A distribution format (ISO MD_Format): its name (e.g. "ESRI Shapefile", "GeoJSON") and version. */
public record Format(String name, @Nullable String version) {
    public Format {
        name = Strings.trimToNull(name);
        if (name == null) {
            throw new IllegalArgumentException("Un format doit avoir un nom");
        }
        version = Strings.trimToNull(version);
    }
}
