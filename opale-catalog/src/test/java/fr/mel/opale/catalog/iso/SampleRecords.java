package fr.mel.opale.catalog.iso;

import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Contact;
import fr.mel.opale.catalog.model.Format;
import fr.mel.opale.catalog.model.GraphicOverview;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.LinkedText;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.catalog.model.OnlineResource;
import fr.mel.opale.catalog.model.Organisation;
import fr.mel.opale.catalog.model.RecordKind;
import fr.mel.opale.catalog.model.RelatedRecord;
import fr.mel.opale.catalog.model.ResourceDates;
import fr.mel.opale.catalog.model.ResourceKind;
import fr.mel.opale.catalog.model.ServiceInfo;
import fr.mel.opale.catalog.model.SpatialExtent;
import fr.mel.opale.catalog.model.TemporalExtent;
import fr.mel.opale.catalog.model.ThesaurusCitation;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built records covering every field of the model, for the ISO 19139 writer's tests. */
final class SampleRecords {
    static final ThesaurusCitation GEMET = new ThesaurusCitation("GEMET - INSPIRE themes, version 1.0",
            "http://inspire.ec.europa.eu/theme", LocalDate.of(2008, 6, 1));
    static final LinkedText LICENCE = new LinkedText("Licence Ouverte version 2.0",
            "https://www.etalab.gouv.fr/licence-ouverte-open-licence");

    private SampleRecords() {
    }

    static LocalizedText text(String... languageThenText) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < languageThenText.length; i += 2) {
            values.put(languageThenText[i], languageThenText[i + 1]);
        }
        return LocalizedText.of(values);
    }

    /** A dataset using every field, with translations, odd URLs and characters XML cannot hold. */
    static CatalogRecord fullDataset() {
        return CatalogRecord.builder("mel-arbres-2026")
                .kind(RecordKind.DATASET)
                .language("fr")
                .title(text("fr", "Arbres d'alignement & <espaces verts>", "en", "Street trees", "nl", "Bomen"))
                .description(text("fr", "Les **arbres** des rues.\n\nMis à jour chaque année.\u0007", "en",
                        "The trees of the streets."))
                .resourceIdentifiers(List.of("https://data.lillemetropole.fr/id/arbres", "FR-MEL-ARBRES"))
                .keywords(List.of(
                        new Keyword(text("fr", "Répartition des espèces", "en", "Species distribution"),
                                "http://inspire.ec.europa.eu/theme/sd", GEMET, "theme"),
                        new Keyword(text("fr", "Habitats et biotopes"), "http://inspire.ec.europa.eu/theme/hb",
                                GEMET, "theme"),
                        Keyword.free("fr", "arbre"),
                        Keyword.free("fr", "nature en ville"),
                        new Keyword(text("fr", "Lille"), null, null, "place"),
                        new Keyword(text("fr", "Données ouvertes"), null,
                                new ThesaurusCitation("Mots-clés MEL", null, null), null),
                        new Keyword(LocalizedText.empty(), "http://example.org/concept/sans-libelle",
                                new ThesaurusCitation(null, "http://example.org/thesaurus", null), null)))
                .topicCategories(List.of("environment", "biota", "nature"))
                .publisher(new Organisation("Métropole Européenne de Lille", "https://www.lillemetropole.fr",
                        "opendata@lillemetropole.fr"))
                .contacts(List.of(
                        new Contact("Jeanne Martin", "Métropole Européenne de Lille", "Cheffe de projet SIG",
                                "sig@lillemetropole.fr", "+33 3 20 21 22 23", "2 boulevard des Cités Unies, 59000 Lille",
                                "https://www.lillemetropole.fr", "pointOfContact", Contact.Scope.RESOURCE),
                        new Contact(null, "Ville de Lille", null, null, null, null, "http://exemple.fr/a b", "owner",
                                Contact.Scope.RESOURCE),
                        new Contact(null, "MEL - Service SIG", null, "sig@lillemetropole.fr", null, null, null,
                                "pointOfContact", Contact.Scope.METADATA),
                        new Contact(null, "MEL - Diffusion", null, "diffusion@lillemetropole.fr", null, null, null,
                                "distributor", Contact.Scope.DISTRIBUTION),
                        new Contact("Sans rôle", null, null, null, null, null, null, null, Contact.Scope.RESOURCE)))
                .licence(LICENCE)
                .accessConstraints(List.of("otherRestrictions"))
                .useLimitations(List.of("Aucune condition ne s'applique"))
                .otherConstraints(List.of(new LinkedText("Pas de restriction d'accès public",
                        "http://inspire.ec.europa.eu/metadata-codelist/LimitationsOnPublicAccess/noLimitations")))
                .updateFrequency("annually")
                .status("onGoing")
                .resourceLanguages(List.of("fr", "en"))
                .dates(new ResourceDates(LocalDate.of(2019, 3, 1), LocalDate.of(2019, 4, 2),
                        LocalDate.of(2026, 1, 15)))
                .temporalExtent(new TemporalExtent(LocalDate.of(2019, 1, 1), null))
                .spatialExtent(new SpatialExtent(new BoundingBox(2.79, 50.47, 3.28, 50.8),
                        "MULTIPOLYGON (((2.79 50.47, 3 50.47, 3 50.6, 2.79 50.6, 2.79 50.47)), "
                                + "((3.1 50.6, 3.28 50.6, 3.28 50.8, 3.1 50.8, 3.1 50.6)))",
                        List.of("Métropole Européenne de Lille", "59350")))
                .referenceSystems(List.of("EPSG:2154", "http://www.opengis.net/def/crs/EPSG/0/4326",
                        "RGF93 / CC50 (EPSG:3950)", "Lambert 93 local"))
                .scaleDenominators(List.of(5000, 0))
                .lineage(text("fr", "Relevés de terrain.", "en", "Field surveys."))
                .onlineResources(List.of(
                        new OnlineResource("https://data.lillemetropole.fr/arbres.csv", "WWW:DOWNLOAD-1.0-http--download",
                                "arbres.csv", "Export CSV", "CSV", ResourceKind.DOWNLOAD, null),
                        new OnlineResource("https://data.lillemetropole.fr/geoserver/wms?SERVICE=WMS&REQUEST=GetCapabilities",
                                "OGC:WMS", "arbres", "Carte des arbres", null, ResourceKind.SERVICE, null),
                        new OnlineResource("https://data.lillemetropole.fr/docs/arbres données.pdf", null,
                                "Documentation", null, null, ResourceKind.DOCUMENTATION, null),
                        new OnlineResource("https://www.lillemetropole.fr/arbres", null, null, null, null,
                                ResourceKind.LANDING_PAGE, null),
                        new OnlineResource("http://[mal formée", null, "URL impossible", null, null,
                                ResourceKind.OTHER, null)))
                .formats(List.of(new Format("CSV", null), new Format("ESRI Shapefile", "1.0")))
                .overviews(List.of(new GraphicOverview("https://data.lillemetropole.fr/arbres.png", "Aperçu",
                        "image/png")))
                .relatedRecords(List.of(
                        new RelatedRecord("mel-nature", null, null, RelatedRecord.PARENT),
                        new RelatedRecord("mel-arbres-fc", "https://data.lillemetropole.fr/fc/arbres",
                                "Catalogue d'attributs des arbres", RelatedRecord.FEATURE_CATALOGUE),
                        new RelatedRecord("mel-parcs", "https://data.lillemetropole.fr/parcs", "Parcs et jardins",
                                "crossReference"),
                        new RelatedRecord(null, null, "Plan climat", "largerWorkCitation")))
                .metadataDate(LocalDateTime.of(2026, 1, 16, 9, 30, 12))
                .build();
    }

    /** A view service operating on two datasets, with a multilingual title. */
    static CatalogRecord viewService() {
        return CatalogRecord.builder("mel-wms")
                .kind(RecordKind.SERVICE)
                .title(text("fr", "Service de visualisation de la MEL", "en", "MEL view service"))
                .description(text("fr", "WMS de la Métropole."))
                .service(new ServiceInfo("view", List.of("OGC:WMS 1.3.0", "OGC:WMS 1.1.1"), "tight"))
                .topicCategories(List.of("environment"))
                .spatialExtent(new SpatialExtent(new BoundingBox(2.79, 50.47, 3.28, 50.8), null, List.of()))
                .temporalExtent(new TemporalExtent(null, LocalDate.of(2025, 12, 31)))
                .onlineResources(List.of(new OnlineResource("https://data.lillemetropole.fr/geoserver/wms",
                        "OGC:WMS", "wms", null, null, ResourceKind.SERVICE, null)))
                .relatedRecords(List.of(
                        new RelatedRecord("mel-arbres-2026", "https://data.lillemetropole.fr/csw?id=mel-arbres-2026",
                                "Arbres", RelatedRecord.OPERATES_ON),
                        new RelatedRecord("mel-parcs", null, null, RelatedRecord.OPERATES_ON)))
                .build();
    }

    /** Only what the model requires: an identifier. */
    static CatalogRecord minimal(String id, RecordKind kind) {
        return CatalogRecord.builder(id).kind(kind).build();
    }
}
