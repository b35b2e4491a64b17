package fr.mel.opale.catalog.model;

import org.jspecify.annotations.Nullable;

/**
 * A link to the data or about it (ISO CI_OnlineResource, DCAT distribution).
 *
 * @param url         never null
 * @param protocol    as the source names it (OGC:WMS, WWW:DOWNLOAD-1.0-http--download, ...)
 * @param format      media type or format name, when known
 * @param function    ISO CI_OnLineFunctionCode (download, information, ...), when given
 */
public record OnlineResource(String url, @Nullable String protocol, @Nullable String name,
                             @Nullable String description, @Nullable String format, ResourceKind kind,
                             @Nullable String function) {
    public OnlineResource {
        url = Strings.trimToNull(url);
        if (url == null) {
            throw new IllegalArgumentException("Une ressource en ligne doit avoir une URL");
        }
        protocol = Strings.trimToNull(protocol);
        name = Strings.trimToNull(name);
        description = Strings.trimToNull(description);
        format = Strings.trimToNull(format);
        kind = kind == null ? ResourceKind.OTHER : kind;
        function = Strings.trimToNull(function);
    }
}
