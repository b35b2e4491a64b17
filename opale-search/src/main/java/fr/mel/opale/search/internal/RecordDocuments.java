package fr.mel.opale.search.internal;

import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.catalog.dcat.FileFormats;
import fr.mel.opale.catalog.dcat.KnownLicences;
import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.RelatedRecord;
import fr.mel.opale.catalog.model.Contact;
import fr.mel.opale.catalog.model.Format;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.LinkedText;
import fr.mel.opale.catalog.model.OnlineResource;
import fr.mel.opale.catalog.model.ResourceKind;
import fr.mel.opale.search.IndexedRecord;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Builds the index document of a record: the normalised values facets count on, and the texts searched. */
public final class RecordDocuments {
    /** Keyword fields hold one term per value; a bound keeps absurd labels from failing a whole import. */
    static final int MAX_VALUE_LENGTH = 200;
    static final int EXCERPT_LENGTH = 300;

    /** Display names of EU file-type codes that read badly as they are. */
    private static final Map<String, String> FORMAT_LABELS = Map.ofEntries(
            Map.entry("SHP", "Shapefile"), Map.entry("GEOJSON", "GeoJSON"), Map.entry("WMS_SRVC", "WMS"),
            Map.entry("WFS_SRVC", "WFS"), Map.entry("RDF_TURTLE", "Turtle"), Map.entry("RDF_XML", "RDF/XML"),
            Map.entry("JSON_LD", "JSON-LD"), Map.entry("GEOTIFF", "GeoTIFF"), Map.entry("GPKG", "GeoPackage"));

    private RecordDocuments() {
    }

    public static RecordDocument of(IndexedRecord indexed) {
        StoredRecord stored = indexed.stored();
        CatalogRecord record = stored.record();
        List<String> titles = new ArrayList<>(record.title().values().values());
        String displayTitle = record.title().textOr(record.id());
        List<String> descriptions = new ArrayList<>(record.description().values().values());
        BoundingBox box = record.spatialExtent().bbox();
        return new RecordDocument(record.id(), kind(record), titles, displayTitle, descriptions,
                excerpt(record.description().text()), keywords(record), thesaurusKeywords(record),
                distinct(indexed.categoryTree()), distinct(indexed.categories()), organisation(record),
                formats(record), licence(record), record.isGeographic(), record.updateFrequency(),
                indexed.qualityScore(), indexed.qualityBand(), stored.modified(),
                box == null ? null : new double[] {box.west(), box.south(), box.east(), box.north()},
                stored.ownerOrganisation(), stored.created(), record.temporalExtent(),
                record.resourceIdentifiers().stream().map(RecordDocuments::bounded).filter(Objects::nonNull)
                        .distinct().toList(), indexed.readers().stream().sorted().toList(),
                record.relatedRecords().stream().map(RelatedRecord::identifier).map(RecordDocuments::bounded)
                        .filter(Objects::nonNull).distinct().toList());
    }

    /** The kind's facet value: {@code dataset}, {@code non_geographic_dataset}... */
    public static String kind(CatalogRecord record) {
        return record.kind().name().toLowerCase(Locale.ROOT);
    }

    /** The keyword labels (main language), each once. */
    static List<String> keywords(CatalogRecord record) {
        Set<String> labels = new LinkedHashSet<>();
        for (Keyword keyword : record.keywords()) {
            String label = bounded(keyword.label().text());
            if (label != null) {
                labels.add(label);
            }
        }
        return List.copyOf(labels);
    }

    /** {@code thesaurusUri|conceptUri-or-label} for every keyword bound to a thesaurus (by URI, else by title). */
    static List<String> thesaurusKeywords(CatalogRecord record) {
        Set<String> values = new LinkedHashSet<>();
        for (Keyword keyword : record.thesaurusKeywords()) {
            String thesaurus = Objects.requireNonNullElse(keyword.thesaurus().uri(), keyword.thesaurus().title());
            String concept = keyword.uri() != null ? keyword.uri() : keyword.label().text();
            if (thesaurus != null && concept != null) {
                String value = bounded(thesaurus.strip() + "|" + concept.strip());
                if (value != null) {
                    values.add(value);
                }
            }
        }
        return List.copyOf(values);
    }

    /** The publisher, else the first organisation among the resource's contacts. */
    public static @Nullable String organisation(CatalogRecord record) {
        if (record.publisher() != null && record.publisher().name() != null) {
            return bounded(record.publisher().name());
        }
        return record.resourceContacts().stream().map(Contact::organisationName).filter(Objects::nonNull)
                .map(RecordDocuments::bounded).filter(Objects::nonNull).findFirst().orElse(null);
    }

    /**
     * The formats, normalised like the DCAT export does (EU file-type codes shown by their usual names: "CSV",
     * "Shapefile", "GeoJSON", "WMS"...), from the declared formats and from the online resources.
     */
    static List<String> formats(CatalogRecord record) {
        Set<String> formats = new LinkedHashSet<>();
        for (Format format : record.formats()) {
            addFormat(formats, FileFormats.byName(format.name()), format.name());
        }
        for (OnlineResource link : record.onlineResources()) {
            FileFormats.FileFormat format = FileFormats.byName(link.format());
            if (format == null) {
                format = FileFormats.byProtocol(link.protocol());
            }
            if (format == null && link.kind() == ResourceKind.DOWNLOAD) {
                format = FileFormats.byExtension(link.url());
            }
            addFormat(formats, format, link.format());
        }
        return List.copyOf(formats);
    }

    private static void addFormat(Set<String> formats, FileFormats.@Nullable FileFormat known,
                                  @Nullable String name) {
        String value;
        if (known != null && known.fileType() != null) {
            value = FORMAT_LABELS.getOrDefault(known.fileType(), known.fileType());
        } else if (known != null && known.mediaType() != null) {
            value = known.mediaType();
        } else {
            // Unknown names stay as written, minus a trailing version ("MapInfo 7.0" -> "MapInfo").
            value = name == null ? null : name.replaceAll("\\s*(\\(.*\\)|v?\\d+(\\.\\d+)*)\\s*$", "").strip();
        }
        value = bounded(value);
        if (value != null && !value.isEmpty()) {
            formats.add(value);
        }
    }

    /**
     * The licence: a known one (Licence Ouverte, ODbL, Creative Commons) by its canonical label, from the stated
     * licence or else from the other constraints where French records often state it; else the stated text.
     */
    static @Nullable String licence(CatalogRecord record) {
        LinkedText stated = record.licence();
        KnownLicences.Licence known = stated == null ? null : KnownLicences.recognise(stated.text(), stated.uri());
        if (known == null) {
            known = record.otherConstraints().stream().map(c -> KnownLicences.recognise(c.text(), c.uri()))
                    .filter(Objects::nonNull).findFirst().orElse(null);
        }
        if (known != null) {
            return known.label();
        }
        return stated == null ? null : bounded(stated.label());
    }

    /** The beginning of a Markdown text as plain text, cut at a word near {@value #EXCERPT_LENGTH} characters. */
    static String excerpt(@Nullable String markdown) {
        if (markdown == null) {
            return "";
        }
        String text = markdown
                .replaceAll("!\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replaceAll("<[^>]{1,200}>", " ")
                .replaceAll("(?m)^\\s{0,3}(#{1,6}|>|[-*+]|\\d+[.)])\\s+", "")
                .replaceAll("[*_`~]{1,3}", "")
                .replaceAll("\\s+", " ")
                .strip();
        if (text.length() <= EXCERPT_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', EXCERPT_LENGTH);
        return text.substring(0, cut > EXCERPT_LENGTH / 2 ? cut : EXCERPT_LENGTH).strip() + "…";
    }

    private static List<String> distinct(List<String> values) {
        return List.copyOf(new LinkedHashSet<>(values));
    }

    private static @Nullable String bounded(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            return null;
        }
        return text.length() > MAX_VALUE_LENGTH ? text.substring(0, MAX_VALUE_LENGTH) : text;
    }
}
