package fr.mel.opale.catalog.model;

import org.jspecify.annotations.Nullable;

/** The organisation that publishes the resource (DCAT {@code dct:publisher}). */
public record Organisation(String name, @Nullable String uri, @Nullable String email) {
    public Organisation {
        name = Strings.trimToNull(name);
        uri = Strings.trimToNull(uri);
        email = Strings.trimToNull(email);
    }
}
