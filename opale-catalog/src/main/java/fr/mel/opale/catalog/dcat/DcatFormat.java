package fr.mel.opale.catalog.dcat;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;

/**
 * The RDF syntaxes DCAT is served in, with the names clients use for them: the {@code format} parameter value and
 * the media types recognised in {@code Accept}. Turtle comes first: it is the default and what {@code *}{@code /*}
 * gets.
 */
public enum DcatFormat {
    TURTLE("ttl", "text/turtle", RDFFormat.TURTLE_PRETTY, List.of("text/turtle", "application/x-turtle")),
    RDF_XML("rdf", "application/rdf+xml", RDFFormat.RDFXML_PLAIN, List.of("application/rdf+xml", "application/xml",
            "text/xml")),
    JSON_LD("jsonld", "application/ld+json", RDFFormat.JSONLD11, List.of("application/ld+json", "application/json"));

    private final String parameter;
    private final MediaType mediaType;
    private final RDFFormat syntax;
    private final List<MediaType> accepted;

    DcatFormat(String parameter, String mediaType, RDFFormat syntax, List<String> accepted) {
        this.parameter = parameter;
        this.mediaType = MediaType.parseMediaType(mediaType);
        this.syntax = syntax;
        this.accepted = accepted.stream().map(MediaType::parseMediaType).toList();
    }

    public String parameter() {
        return parameter;
    }

    /** The Content-Type of the answer (UTF-8, which all three syntaxes use). */
    public MediaType mediaType() {
        return new MediaType(mediaType, java.nio.charset.StandardCharsets.UTF_8);
    }

    public static List<MediaType> mediaTypes() {
        return java.util.Arrays.stream(values()).map(f -> f.mediaType).toList();
    }

    /** The format named by a {@code format} parameter ({@code ttl}, {@code rdf}, {@code jsonld}), or null. */
    public static @Nullable DcatFormat byParameter(String value) {
        String name = value.strip().toLowerCase(Locale.ROOT);
        for (DcatFormat format : values()) {
            if (format.parameter.equals(name)) {
                return format;
            }
        }
        return null;
    }

    /**
     * The best format for an {@code Accept} header: the highest-quality type we produce (ties go to the order the
     * client wrote them in, then to ours); Turtle when the header is absent. Null when nothing acceptable is produced.
     *
     * @throws org.springframework.http.InvalidMediaTypeException when the header is malformed
     */
    public static @Nullable DcatFormat negotiate(List<String> acceptHeaders) {
        List<MediaType> acceptable = MediaType.parseMediaTypes(acceptHeaders);
        if (acceptable.isEmpty()) {
            return TURTLE;
        }
        DcatFormat best = null;
        double bestQuality = 0;
        for (MediaType range : acceptable) {
            double quality = range.getQualityValue();
            if (quality <= bestQuality) {
                continue;
            }
            for (DcatFormat format : values()) {
                if (format.accepted.stream().anyMatch(range::includes)) {
                    best = format;
                    bestQuality = quality;
                    break;
                }
            }
        }
        return best;
    }

    public void write(Model model, OutputStream out) {
        RDFDataMgr.write(out, model, syntax);
    }
}
