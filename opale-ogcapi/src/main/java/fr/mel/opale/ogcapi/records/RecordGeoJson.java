package fr.mel.opale.ogcapi.records;

import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Contact;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.LinkedText;
import fr.mel.opale.catalog.model.OnlineResource;
import fr.mel.opale.catalog.model.TemporalExtent;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.ogcapi.core.OgcResponses;
import fr.mel.opale.ogcapi.download.DownloadFormat;
import fr.mel.opale.ogcapi.download.DownloadFormats;
import fr.mel.opale.search.Facet;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * One catalog record in the GeoJSON encoding of OGC API – Records (requirements class {@code record-core}): a
 * Feature whose geometry is the record's box (null without one), whose {@code time} is the resource's temporal
 * extent (null without one), whose properties are the record-core properties, and whose links lead to the record
 * itself, its catalog, its page on the site, the OGC API – Features collection of its published dataset with that
 * collection's downloads, and the record's own distributions.
 *
 * <p>A value object: built from what the caller was allowed to read (the record from the catalog, the dataset from
 * {@code Datasets}, both through the access policy); it reads nothing itself.
 */
final class RecordGeoJson {
    static final String RECORD_CORE = "http://www.opengis.net/spec/ogcapi-records-1/1.0/req/record-core";
    static final String GEOJSON = "application/geo+json";
    static final String JSON = "application/json";
    static final String HTML = "text/html";

    private final StoredRecord stored;
    private final @Nullable Dataset dataset;
    private final boolean geographic;
    private final Map<Facet, List<String>> facetValues;
    private final boolean restricted;

    /**
     * @param dataset     the published dataset the record describes (with a served version), null when none
     * @param geographic  whether its served version has geometries (a table offers no shapefile)
     * @param facetValues the record's values as the search index normalises them (formats, licence, kind)
     * @param restricted  whether the access policy keeps its answers out of shared caches (not public)
     */
    RecordGeoJson(StoredRecord stored, @Nullable Dataset dataset, boolean geographic,
                  Map<Facet, List<String>> facetValues, boolean restricted) {
        this.restricted = restricted;
        this.stored = stored;
        this.dataset = dataset;
        this.geographic = geographic;
        this.facetValues = facetValues;
    }

    boolean restricted() {
        return restricted;
    }

    String id() {
        return stored.id();
    }

    String title() {
        return stored.record().title().textOr(stored.id());
    }

    String type() {
        return facetValues.getOrDefault(Facet.KIND, List.of("dataset")).stream().findFirst().orElse("dataset");
    }

    /**
     * The record as a GeoJSON Feature.
     *
     * @param base     the OGC API's root URL ({@code …/ogcapi})
     * @param sitePage the record's page on the site ({@code …/catalogue/{id}})
     */
    Map<String, Object> feature(String base, String sitePage) {
        CatalogRecord record = stored.record();
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("id", record.id());
        feature.put("type", "Feature");
        feature.put("conformsTo", List.of(RECORD_CORE));
        feature.put("time", time(record.temporalExtent()));
        feature.put("geometry", geometry(record.spatialExtent().bbox()));
        feature.put("properties", properties(record));
        feature.put("links", links(base, sitePage));
        return feature;
    }

    private Map<String, Object> properties(CatalogRecord record) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("type", type());
        properties.put("title", title());
        put(properties, "description", record.description().text());
        properties.put("keywords", keywords(record));
        List<Map<String, Object>> themes = themes(record);
        if (!themes.isEmpty()) {
            properties.put("themes", themes);
        }
        properties.put("language", Map.of("code", record.language()));
        if (!record.resourceLanguages().isEmpty()) {
            properties.put("resourceLanguages", record.resourceLanguages().stream()
                    .map(code -> Map.of("code", code)).toList());
        }
        if (!record.resourceIdentifiers().isEmpty()) {
            properties.put("externalIds", record.resourceIdentifiers().stream().map(v -> Map.of("value", v)).toList());
        }
        properties.put("created", stored.created().toString());
        properties.put("updated", stored.modified().toString());
        List<Map<String, Object>> contacts = record.contacts().stream().map(RecordGeoJson::contact)
                .filter(Objects::nonNull).toList();
        if (!contacts.isEmpty()) {
            properties.put("contacts", contacts);
        }
        facetValues.getOrDefault(Facet.LICENCE, List.of()).stream().findFirst()
                .ifPresent(licence -> properties.put("license", licence));
        put(properties, "rights", rights(record));
        List<String> formats = facetValues.getOrDefault(Facet.FORMAT, List.of());
        if (!formats.isEmpty()) {
            properties.put("formats", formats.stream().map(f -> Map.of("name", f)).toList());
        }
        return properties;
    }

    /** Every keyword label once, whatever its thesaurus. */
    private static List<String> keywords(CatalogRecord record) {
        Set<String> labels = new LinkedHashSet<>();
        record.keywords().forEach(k -> {
            if (k.label().text() != null) {
                labels.add(k.label().text());
            }
        });
        return List.copyOf(labels);
    }

    /**
     * Keywords bound to a thesaurus, grouped by it: {@code scheme} is the thesaurus URI (else its title), each
     * concept its URI (else its label) with its label as title. The usage categories are keywords of their thesaurus,
     * so they come out as one theme whose scheme is that thesaurus.
     */
    private static List<Map<String, Object>> themes(CatalogRecord record) {
        Map<String, List<Map<String, Object>>> byScheme = new LinkedHashMap<>();
        for (Keyword keyword : record.thesaurusKeywords()) {
            String scheme = Objects.requireNonNullElse(keyword.thesaurus().uri(), keyword.thesaurus().title());
            String label = keyword.label().text();
            String id = keyword.uri() != null ? keyword.uri() : label;
            if (scheme == null || id == null) {
                continue;
            }
            Map<String, Object> concept = new LinkedHashMap<>();
            concept.put("id", id);
            put(concept, "title", label);
            put(concept, "url", keyword.uri());
            List<Map<String, Object>> concepts = byScheme.computeIfAbsent(scheme, s -> new ArrayList<>());
            if (concepts.stream().noneMatch(c -> c.get("id").equals(id))) {
                concepts.add(concept);
            }
        }
        List<Map<String, Object>> themes = new ArrayList<>();
        byScheme.forEach((scheme, concepts) -> themes.add(Map.of("scheme", scheme, "concepts", concepts)));
        return themes;
    }

    /** A contact as Records' {@code contact.yaml}: it needs a name or an organisation, else it is left out. */
    private static @Nullable Map<String, Object> contact(Contact contact) {
        if (contact.individualName() == null && contact.organisationName() == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        put(json, "name", contact.individualName());
        put(json, "organization", contact.organisationName());
        put(json, "position", contact.positionName());
        if (contact.email() != null) {
            json.put("emails", List.of(Map.of("value", contact.email())));
        }
        if (contact.phone() != null) {
            json.put("phones", List.of(Map.of("value", contact.phone())));
        }
        if (contact.address() != null) {
            json.put("addresses", List.of(Map.of("deliveryPoint", List.of(contact.address()))));
        }
        if (contact.url() != null) {
            json.put("links", List.of(Map.of("href", contact.url(), "rel", "about")));
        }
        if (contact.role() != null) {
            json.put("roles", List.of(contact.role()));
        }
        return json;
    }

    /** Use limitations and other legal constraints, one per line: what the licence does not say. */
    private static @Nullable String rights(CatalogRecord record) {
        List<String> texts = Stream.concat(record.useLimitations().stream(),
                record.otherConstraints().stream().map(LinkedText::label)).filter(Objects::nonNull).distinct().toList();
        return texts.isEmpty() ? null : String.join("\n", texts);
    }

    /** {@code {"date": …}} for a one-day extent, else {@code {"interval": [start, end]}} with {@code ..} ends. */
    private static @Nullable Map<String, Object> time(@Nullable TemporalExtent extent) {
        if (extent == null || (extent.start() == null && extent.end() == null)) {
            return null;
        }
        if (extent.start() != null && extent.start().equals(extent.end())) {
            return Map.of("date", extent.start().toString());
        }
        return Map.of("interval", List.of(extent.start() == null ? ".." : extent.start().toString(),
                extent.end() == null ? ".." : extent.end().toString()));
    }

    /** The box as a Polygon; split in two (MultiPolygon) when it crosses the antimeridian, as RFC 7946 asks. */
    static @Nullable Map<String, Object> geometry(@Nullable BoundingBox box) {
        if (box == null) {
            return null;
        }
        if (box.west() <= box.east()) {
            return Map.of("type", "Polygon", "coordinates", List.of(ring(box.west(), box.south(), box.east(),
                    box.north())));
        }
        return Map.of("type", "MultiPolygon", "coordinates", List.of(
                List.of(ring(box.west(), box.south(), 180, box.north())),
                List.of(ring(-180, box.south(), box.east(), box.north()))));
    }

    private static List<List<Double>> ring(double west, double south, double east, double north) {
        return List.of(List.of(west, south), List.of(east, south), List.of(east, north), List.of(west, north),
                List.of(west, south));
    }

    private List<Map<String, Object>> links(String base, String sitePage) {
        String self = base + "/collections/" + RecordsBuildingBlock.CATALOG + "/items/" + encode(stored.id());
        List<Map<String, Object>> links = new ArrayList<>();
        links.add(OgcResponses.link(self + "?f=json", "self", GEOJSON, "Cette fiche (GeoJSON)"));
        links.add(OgcResponses.link(sitePage, "alternate", HTML, "Cette fiche sur le site"));
        links.add(OgcResponses.link(base + "/collections/" + RecordsBuildingBlock.CATALOG + "?f=json", "collection",
                JSON, RecordsBuildingBlock.TITLE));
        if (dataset != null) {
            String collection = base + "/collections/" + dataset.slug();
            links.add(OgcResponses.link(collection + "?f=json", "related", JSON,
                    "Collection OGC API – Features « " + dataset.slug() + " »"));
            links.add(OgcResponses.link(collection + "/items?f=json", "items", GEOJSON, "Objets de la collection"));
            for (DownloadFormat format : DownloadFormats.accepting(geographic)) {
                links.add(OgcResponses.link(collection + "/download?format=" + format.key(), "enclosure",
                        format.mediaType(), "Télécharger en " + format.label()));
            }
        }
        for (OnlineResource resource : stored.record().onlineResources()) {
            links.add(distribution(resource));
        }
        LinkedText licence = stored.record().licence();
        if (licence != null && licence.uri() != null) {
            links.add(OgcResponses.link(licence.uri(), "license", HTML, licence.label()));
        }
        return links;
    }

    /** A distribution or related resource of the record: downloads are enclosures, services and APIs services. */
    private static Map<String, Object> distribution(OnlineResource resource) {
        String rel = switch (resource.kind()) {
            case DOWNLOAD -> "enclosure";
            case SERVICE, API -> "service";
            case DOCUMENTATION -> "describedby";
            case LANDING_PAGE, OTHER -> "related";
        };
        Map<String, Object> link = new LinkedHashMap<>();
        link.put("href", resource.url());
        link.put("rel", rel);
        if (resource.format() != null && resource.format().matches("[\\w.+-]+/[\\w.+-]+(;.*)?")) {
            link.put("type", resource.format());
        }
        String title = resource.name() != null ? resource.name() : resource.description();
        put(link, "title", title);
        put(link, "protocol", resource.protocol());
        return link;
    }

    static String encode(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void put(Map<String, Object> map, String key, @Nullable Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
