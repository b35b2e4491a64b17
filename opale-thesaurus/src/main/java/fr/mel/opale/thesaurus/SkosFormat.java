package fr.mel.opale.thesaurus;

import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The RDF syntaxes a thesaurus can be imported from, with their media types. */
public enum SkosFormat {
    TURTLE("turtle", "text/turtle"),
    RDF_XML("rdfxml", "application/rdf+xml");

    private final String code;
    private final String mediaType;

    SkosFormat(String code, String mediaType) {
        this.code = code;
        this.mediaType = mediaType;
    }

    /** Short name stored with the thesaurus ({@code turtle}, {@code rdfxml}). */
    public String code() {
        return code;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format of a {@code Content-Type} header (parameters ignored); also accepts XML types for RDF/XML. */
    public static Optional<SkosFormat> ofMediaType(@Nullable String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
                .toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/turtle", "application/x-turtle" -> Optional.of(TURTLE);
            case "application/rdf+xml", "application/xml", "text/xml" -> Optional.of(RDF_XML);
            default -> Optional.empty();
        };
    }

    /** The format guessed from a file name ({@code .ttl}, {@code .rdf}, {@code .xml}, {@code .owl}). */
    public static Optional<SkosFormat> ofFileName(@Nullable String name) {
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".ttl")) {
            return Optional.of(TURTLE);
        }
        if (lower.endsWith(".rdf") || lower.endsWith(".xml") || lower.endsWith(".owl")) {
            return Optional.of(RDF_XML);
        }
        return Optional.empty();
    }
}
