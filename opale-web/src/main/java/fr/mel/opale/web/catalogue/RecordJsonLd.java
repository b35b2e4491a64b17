package fr.mel.opale.web.catalogue;

import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.OnlineResource;
import fr.mel.opale.catalog.model.ResourceKind;
import fr.mel.opale.catalog.model.TemporalExtent;
import fr.mel.opale.web.layout.SafeLinks;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The schema.org {@code Dataset} description of a record, embedded in its page as JSON-LD so search engines
 * (Google Dataset Search, data.gouv.fr's harvester) understand it.
 *
 * <p>The result goes into a {@code <script type="application/ld+json">} element unescaped; every {@code <} is
 * written as {@code \u003c} (still the same JSON string) so a title containing {@code </script>} cannot close the
 * element. The full DCAT-AP export lives in opale-catalog; this is the small, search-engine subset.
 */
@Component
public class RecordJsonLd {
    /** Google Dataset Search reads at most 5,000 characters of a description. */
    private static final int DESCRIPTION_LENGTH = 5000;

    private final JsonMapper json;
    private final MarkdownText markdown;

    RecordJsonLd(JsonMapper json, MarkdownText markdown) {
        this.json = json;
        this.markdown = markdown;
    }

    /**
     * @param pageUrl absolute URL of the record's page, the dataset's {@code url}
     * @param lang    the page's language; texts are taken in it when the record has them
     */
    public String of(StoredRecord stored, String pageUrl, String lang) {
        CatalogRecord r = stored.record();
        ObjectNode dataset = json.createObjectNode();
        dataset.put("@context", "https://schema.org/");
        dataset.put("@type", "Dataset");
        dataset.put("@id", pageUrl);
        dataset.put("url", pageUrl);
        dataset.put("name", RecordCards.titleOf(r, lang));
        putText(dataset, "description", markdown.excerpt(r.description().in(lang), DESCRIPTION_LENGTH));
        ArrayNode identifiers = dataset.putArray("identifier");
        identifiers.add(r.id());
        r.resourceIdentifiers().forEach(identifiers::add);
        putText(dataset, "inLanguage", r.language());
        ArrayNode keywords = json.createArrayNode();
        r.keywords().stream().map(Keyword::label).map(l -> l.in(lang)).filter(Objects::nonNull).distinct()
                .forEach(keywords::add);
        if (!keywords.isEmpty()) {
            dataset.set("keywords", keywords);
        }
        if (r.licence() != null) {
            String licence = SafeLinks.href(r.licence().uri());
            putText(dataset, "license", licence != null ? licence : r.licence().label());
        }
        if (r.publisher() != null && r.publisher().name() != null) {
            ObjectNode publisher = organisation(r.publisher().name(), r.publisher().uri(), r.publisher().email());
            dataset.set("publisher", publisher);
            dataset.set("creator", publisher.deepCopy());
        }
        putText(dataset, "temporalCoverage", temporal(r.temporalExtent()));
        BoundingBox bbox = r.spatialExtent().bbox();
        if (bbox != null) {
            ObjectNode place = dataset.putObject("spatialCoverage");
            place.put("@type", "Place");
            ObjectNode shape = place.putObject("geo");
            shape.put("@type", "GeoShape");
            // schema.org's box is "south west north east"
            shape.put("box", bbox.south() + " " + bbox.west() + " " + bbox.north() + " " + bbox.east());
        }
        ArrayNode distributions = json.createArrayNode();
        r.onlineResources().stream().filter(o -> o.kind() == ResourceKind.DOWNLOAD)
                .forEach(o -> addDownload(distributions, o));
        if (!distributions.isEmpty()) {
            dataset.set("distribution", distributions);
        }
        LocalDate revised = r.dates().latest();
        dataset.put("dateModified", revised != null ? revised.toString()
                : stored.modified().atOffset(ZoneOffset.UTC).toLocalDate().toString());
        if (r.dates().created() != null) {
            dataset.put("dateCreated", r.dates().created().toString());
        }
        if (r.dates().published() != null) {
            dataset.put("datePublished", r.dates().published().toString());
        }
        return json.writeValueAsString(dataset).replace("<", "\\u003c");
    }

    private ObjectNode organisation(String name, @Nullable String uri, @Nullable String email) {
        ObjectNode organisation = json.createObjectNode();
        organisation.put("@type", "Organization");
        organisation.put("name", name);
        putText(organisation, "url", SafeLinks.href(uri));
        putText(organisation, "email", email);
        return organisation;
    }

    private void addDownload(ArrayNode distributions, OnlineResource resource) {
        String url = SafeLinks.href(resource.url());
        if (url == null) {
            return;
        }
        ObjectNode download = distributions.addObject();
        download.put("@type", "DataDownload");
        download.put("contentUrl", url);
        putText(download, "name", resource.name());
        putText(download, "encodingFormat", resource.format());
    }

    /** ISO 8601 interval, ".." for an open end (schema.org's convention). */
    private static @Nullable String temporal(@Nullable TemporalExtent extent) {
        if (extent == null || extent.start() == null && extent.end() == null) {
            return null;
        }
        return (extent.start() == null ? ".." : extent.start().toString()) + "/"
                + (extent.end() == null ? ".." : extent.end().toString());
    }

    private static void putText(ObjectNode node, String field, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            node.put(field, value);
        }
    }
}
