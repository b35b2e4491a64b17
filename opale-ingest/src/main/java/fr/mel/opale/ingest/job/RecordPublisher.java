package fr.mel.opale.ingest.job;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.CatalogProblem;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Format;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.catalog.model.OnlineResource;
import fr.mel.opale.catalog.model.RecordKind;
import fr.mel.opale.catalog.model.ResourceDates;
import fr.mel.opale.catalog.model.ResourceKind;
import fr.mel.opale.catalog.model.SourceInfo;
import fr.mel.opale.catalog.model.SpatialExtent;
import fr.mel.opale.catalog.model.ThesaurusCitation;
import fr.mel.opale.data.Bbox;
import fr.mel.opale.data.Column;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.DatasetRule;
import fr.mel.opale.data.DatasetRules;
import fr.mel.opale.data.DatasetRulesChanged;
import fr.mel.opale.data.DatasetVersion;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.thesaurus.Concept;
import fr.mel.opale.thesaurus.Thesauri;
import fr.mel.opale.thesaurus.ThesaurusSummary;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * Creates or updates the catalog record of a published dataset version: title, a description
 * the producer completes, the data structure, kind, extent, formats, distributions (downloads and the OGC API
 * collection), dates and usage category.
 *
 * <p>The catalog model has no feature-catalogue type: the columns (identifier, original label, type) and the row
 * count are written as a Markdown table in a "Structure des données" section at the end of the description. A
 * re-ingest rewrites only that section, so the producer's own text above it is kept; so are keywords, contacts,
 * licence and any link that is not one of ours.
 */
@Component
class RecordPublisher {
    static final String STRUCTURE_HEADING = "## Structure des données";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final Logger LOG = LoggerFactory.getLogger(RecordPublisher.class);
    private final Catalog catalog;
    private final Thesauri thesauri;
    private final String publicUrl;
    private final DatasetRules rules;
    private final Datasets datasets;
    private final AccessPolicy policy;

    RecordPublisher(Catalog catalog, Thesauri thesauri,
                    @Value("${opale.public-url:http://localhost:8080}") String publicUrl, DatasetRules rules,
                    Datasets datasets, AccessPolicy policy) {
        this.policy = policy;
        this.rules = rules;
        this.datasets = datasets;
        this.catalog = catalog;
        this.thesauri = thesauri;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    /** The usage category an option names, or an error naming it. */
    Concept usageCategory(String value) {
        return thesauri.usageCategory(value).orElseThrow(() -> new IllegalArgumentException(
                "« " + value + " » n'est pas une catégorie d'usage connue."));
    }

    /** Must run with the right to edit the catalog (the job runs as the platform). */
    StoredRecord publish(Dataset dataset, DatasetVersion version, IngestOptions options, String sourceName,
                         String format) {
        Optional<StoredRecord> existing = dataset.recordId() == null ? Optional.empty()
                : catalog.find(dataset.recordId());
        CatalogRecord.Builder builder = existing.map(s -> s.record().toBuilder())
                .orElseGet(() -> CatalogRecord.builder(UUID.randomUUID().toString()).language("fr"));
        CatalogRecord current = existing.map(StoredRecord::record).orElse(null);
        LocalDate today = LocalDate.now(PARIS);

        String title = options.title() != null ? options.title()
                : current != null && current.title().text() != null ? current.title().text() : titleOf(sourceName);
        builder.title(LocalizedText.of("fr", title));
        builder.description(LocalizedText.of("fr", description(current, version, rules.of(dataset.id()),
                sourceName)));
        builder.kind(version.geographic() ? RecordKind.DATASET : RecordKind.NON_GEOGRAPHIC_DATASET);
        builder.keywords(keywords(current, options.usageCategory()));
        builder.formats(formats(version));
        builder.onlineResources(resources(current, dataset, version));
        ResourceDates dates = current == null ? ResourceDates.NONE : current.dates();
        builder.dates(new ResourceDates(dates.created() == null ? today : dates.created(),
                dates.published() == null ? today : dates.published(), today));
        DatasetRule rule = rules.of(dataset.id());
        Bbox bbox = version.bbox();
        SpatialExtent extent = current == null ? SpatialExtent.NONE : current.spatialExtent();
        if (rule.rowRule() != null) {
            // the rows' extent would draw rows a reader may not see: the author's own extent only
            builder.spatialExtent(authorsExtent(dataset, extent));
        } else {
            builder.spatialExtent(bbox == null ? new SpatialExtent(null, null, extent.places())
                    : new SpatialExtent(new BoundingBox(bbox.west(), bbox.south(), bbox.east(), bbox.north()), null,
                    extent.places()));
        }
        List<String> systems = new ArrayList<>();
        if (version.geographic()) {
            systems.add("EPSG:4326");
        }
        builder.referenceSystems(systems);
        builder.metadataDate(LocalDateTime.now(PARIS).withNano(0));
        builder.source(new SourceInfo(format, null, sourceName, Instant.now()));
        if (current == null || current.resourceLanguages().isEmpty()) {
            builder.resourceLanguages(List.of("fr"));
        }
        CatalogRecord record = builder.build();
        return existing.isPresent() ? catalog.update(record, existing.get().version(), null)
                : catalog.publish(record, options.organisation());
    }

    /** "arceaux_velo-2024.csv" → "Arceaux velo 2024". */
    static String titleOf(String fileName) {
        String base = fileName.contains(".") ? fileName.substring(0, fileName.lastIndexOf('.')) : fileName;
        String text = base.replace('_', ' ').replace('-', ' ').replaceAll("\\s+", " ").strip();
        if (text.isEmpty()) {
            return "Jeu de données importé";
        }
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * The rules of a dataset changed: its record's "Structure des données" is rewritten under them, and under a row
     * rule the extent the rows gave it is taken out (by whoever changed them: they manage the dataset's access, so
     * they edit its record). A record changed meanwhile is read again and updated once more; if that fails too it
     * keeps its section until the next import (logged); the rules apply to the data either way.
     */
    @EventListener
    void rulesChanged(DatasetRulesChanged changed) {
        Optional<Dataset> dataset = datasets.find(changed.datasetId());
        // the served version as the platform has it: the record describes the data, not the changer's view of it
        Optional<DatasetVersion> served = dataset.flatMap(d -> policy.asPlatform(() -> datasets.currentVersion(d.id())));
        if (served.isEmpty() || dataset.get().recordId() == null) {
            return;
        }
        for (int attempt = 1; ; attempt++) {
            Optional<StoredRecord> record = catalog.find(dataset.get().recordId());
            if (record.isEmpty()) {
                return;
            }
            CatalogRecord current = record.get().record();
            DatasetRule rule = rules.of(dataset.get().id());
            CatalogRecord.Builder builder = current.toBuilder();
            boolean changes = false;
            String text = current.description().text();
            if (text != null && text.contains(STRUCTURE_HEADING)) {
                builder.description(LocalizedText.of("fr", description(current, served.get(), rule, "")));
                changes = true;
            }
            SpatialExtent extent = current.spatialExtent();
            if (rule.rowRule() != null && extent.bbox() != null) {
                SpatialExtent authors = authorsExtent(dataset.get(), extent);
                if (authors.bbox() == null) {
                    builder.spatialExtent(authors);
                    changes = true;
                }
            }
            if (!changes) {
                return;
            }
            try {
                catalog.update(builder.build(), record.get().version(), null);
                return;
            } catch (CatalogProblem | OptimisticLockingFailureException e) {
                if (attempt >= 2) {
                    LOG.warn("Fiche {} non mise à jour après le changement des règles : {}",
                            record.get().id(), e.toString());
                    return;
                }
            }
        }
    }

    /**
     * {@code extent} without the bounding box the data gave it (equal to the extent of one of the kept versions): what
     * the author set themselves stays.
     */
    private SpatialExtent authorsExtent(Dataset dataset, SpatialExtent extent) {
        BoundingBox box = extent.bbox();
        if (box == null) {
            return extent;
        }
        boolean fromData = policy.asPlatform(() -> datasets.versions(dataset.id())).stream()
                .map(DatasetVersion::bbox).filter(java.util.Objects::nonNull)
                .anyMatch(b -> close(b.west(), box.west()) && close(b.south(), box.south())
                        && close(b.east(), box.east()) && close(b.north(), box.north()));
        return fromData ? new SpatialExtent(null, extent.geometry(), extent.places()) : extent;
    }

    private static boolean close(double a, double b) {
        return Math.abs(a - b) < 1e-9;
    }

    private static String description(@Nullable CatalogRecord current, DatasetVersion version, DatasetRule rule,
                                      String sourceName) {
        String own = current == null ? null : current.description().text();
        if (own != null && own.contains(STRUCTURE_HEADING)) {
            own = own.substring(0, own.indexOf(STRUCTURE_HEADING)).strip();
        }
        if (own == null || own.isBlank()) {
            own = "*Description à compléter par le producteur.* Ce jeu de données a été publié à partir du fichier « "
                    + sourceName + " ».";
        }
        return own + "\n\n" + structure(version, rule);
    }

    /**
     * The section every reader of the record sees: under a column rule, the hidden columns are not named (nor
     * counted); under a row rule, no row count — each reader sees their own rows, counted where the data is served.
     */
    static String structure(DatasetVersion version, DatasetRule rule) {
        NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.FRANCE);
        List<Column> shown = version.columns().stream().filter(c -> !rule.hiddenColumns().contains(c.name())).toList();
        StringBuilder md = new StringBuilder(STRUCTURE_HEADING).append("\n\n");
        if (rule.rowRule() == null) {
            md.append(numbers.format(version.rowCount())).append(version.rowCount() > 1 ? " lignes, " : " ligne, ");
        } else {
            md.append("Lignes selon le lecteur, ");
        }
        md.append(shown.size()).append(shown.size() > 1 ? " colonnes" : " colonne")
                .append(" (version ").append(version.number()).append(").");
        if (version.geographic()) {
            md.append(" Géométrie : ").append(version.geometry().kind().name().toLowerCase(Locale.ROOT))
                    .append(", stockée en WGS84 (EPSG:4326) ; système d'origine ")
                    .append(version.geometry().sourceCrs()).append('.');
        }
        md.append("\n\n| Colonne | Libellé d'origine | Type |\n|---|---|---|\n");
        for (Column column : shown) {
            md.append("| `").append(column.name()).append("` | ").append(cell(column.title())).append(" | ")
                    .append(typeLabel(column.type())).append(" |\n");
        }
        return md.toString().strip();
    }

    private static String cell(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ").replace("`", "'");
    }

    static String typeLabel(fr.mel.opale.data.ColumnType type) {
        return switch (type) {
            case INTEGER -> "entier";
            case DECIMAL -> "décimal";
            case BOOLEAN -> "booléen";
            case DATE -> "date";
            case TIMESTAMP -> "date et heure";
            case TEXT -> "texte";
        };
    }

    private List<Keyword> keywords(@Nullable CatalogRecord current, @Nullable String category) {
        List<Keyword> keywords = new ArrayList<>(current == null ? List.of() : current.keywords());
        if (category == null) {
            return keywords;
        }
        Concept concept = usageCategory(category);
        keywords.removeIf(k -> k.uri() != null && thesauri.isUsageCategory(k.uri()));
        ThesaurusSummary usage = thesauri.usageCategoryThesaurus().orElseThrow();
        Map<String, String> labels = new LinkedHashMap<>();
        for (String lang : List.of("fr", "en")) {
            if (concept.prefLabels().get(lang) != null) {
                labels.put(lang, concept.prefLabels().get(lang));
            }
        }
        keywords.add(new Keyword(LocalizedText.of(labels), concept.uri(),
                new ThesaurusCitation(usage.title("fr"), usage.schemeUri(), null), "theme"));
        return keywords;
    }

    private static List<Format> formats(DatasetVersion version) {
        List<Format> formats = new ArrayList<>(List.of(new Format("CSV", null)));
        if (version.geographic()) {
            formats.add(new Format("GeoJSON", null));
        }
        return formats;
    }

    /** Ours: the links under our collection path; they are rebuilt, everything else is the producer's. */
    private List<OnlineResource> resources(@Nullable CatalogRecord current, Dataset dataset, DatasetVersion version) {
        String collection = publicUrl + "/ogcapi/collections/" + dataset.slug();
        List<OnlineResource> resources = new ArrayList<>();
        if (current != null) {
            current.onlineResources().stream().filter(r -> !r.url().startsWith(publicUrl + "/ogcapi/collections/"))
                    .forEach(resources::add);
        }
        resources.add(new OnlineResource(collection, "OGC API - Features", "API OGC Features",
                "Interroger les données (filtres, emprise, pagination) par l'API OGC Features.",
                "application/json", ResourceKind.API, "browsing"));
        resources.add(new OnlineResource(collection + "/items?f=csv", "WWW:DOWNLOAD-1.0-http--download",
                "Téléchargement CSV", "Toutes les lignes au format CSV (UTF-8).", "text/csv", ResourceKind.DOWNLOAD,
                "download"));
        if (version.geographic()) {
            resources.add(new OnlineResource(collection + "/items?f=geojson", "WWW:DOWNLOAD-1.0-http--download",
                    "Téléchargement GeoJSON", "Toutes les lignes avec leur géométrie (WGS84).",
                    "application/geo+json", ResourceKind.DOWNLOAD, "download"));
        }
        return resources;
    }
}
