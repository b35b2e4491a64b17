package fr.mel.opale.web;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.Catalog;
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
import fr.mel.opale.catalog.model.SourceInfo;
import fr.mel.opale.catalog.model.SpatialExtent;
import fr.mel.opale.catalog.model.TemporalExtent;
import fr.mel.opale.catalog.model.ThesaurusCitation;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * The records page tests read: one record with every field, a hostile one, a restricted one and 25 look-alikes
 * for paging. Seeded once per application context, as the platform.
 */
final class WebFixtures {
    static final String FULL = "web-velo";
    static final String SIMPLE = "web-population";
    static final String HOSTILE = "web-hostile";
    static final String SECRET = "web-secret";
    static final String HOSTILE_TITLE = "<script>alert(1)</script> Titre piégé";
    static final int PARKINGS = 25;

    private WebFixtures() {
    }

    static void seed(Catalog catalog, AccessPolicy policy) {
        policy.asPlatform(() -> {
            if (catalog.find(FULL).isPresent()) {
                return null;
            }
            for (int i = 1; i <= PARKINGS; i++) {
                catalog.create(CatalogRecord.builder("web-parking-" + i)
                        .title(LocalizedText.of("fr", "Parking relais " + i))
                        .description(LocalizedText.of("fr", "Places du parking relais numéro " + i + ".")).build(),
                        Visibility.PUBLIC);
            }
            catalog.create(CatalogRecord.builder(SECRET).title(LocalizedText.of("fr", "Réseau sensible"))
                    .description(LocalizedText.of("fr", "Ouvrages protégés.")).build(), Visibility.RESTRICTED);
            catalog.create(CatalogRecord.builder(HOSTILE).title(LocalizedText.of("fr", HOSTILE_TITLE))
                    .description(LocalizedText.of("fr", "Texte <script>alert(2)</script> et [lien piégé](javascript:alert(3))."))
                    .addOnlineResource(new OnlineResource("javascript:alert(4)", null, "Lien piégé", null, null,
                            ResourceKind.DOWNLOAD, null))
                    .build(), Visibility.PUBLIC);
            catalog.create(CatalogRecord.builder(SIMPLE).kind(RecordKind.NON_GEOGRAPHIC_DATASET)
                    .title(LocalizedText.of(Map.of("fr", "Population des communes")))
                    .description(LocalizedText.of("fr", "Population légale des 95 communes de la MEL.")).build(),
                    Visibility.PUBLIC);
            catalog.create(full(), Visibility.PUBLIC);
            return null;
        });
    }

    private static CatalogRecord full() {
        ThesaurusCitation categories = new ThesaurusCitation("Catégories d'usage",
                "https://data.lillemetropole.fr/thematique/categories", null);
        return CatalogRecord.builder(FULL)
                .kind(RecordKind.DATASET)
                .title(LocalizedText.of(Map.of("fr", "Stations V'Lille", "en", "V'Lille stations")))
                .description(LocalizedText.of("fr", "Position des stations **V'Lille**.\n\n# Mise à jour\n\nToutes les minutes."))
                .addResourceIdentifier("https://data.lillemetropole.fr/id/vlille")
                .addKeyword(new Keyword(LocalizedText.of("fr", "Mobilité"), "https://data.lillemetropole.fr/thematique/categories/mobilite",
                        categories, "theme"))
                .addKeyword(Keyword.free("fr", "vélo"))
                .addTopicCategory("transportation")
                .publisher(new Organisation("Métropole Européenne de Lille", "https://www.lillemetropole.fr", "opendata@lillemetropole.fr"))
                .addContact(new Contact("Jeanne Martin", "Ilévia", "Responsable données", "contact@ilevia.fr", "03 20 00 00 00",
                        "Marcq-en-Barœul", null, "custodian", Contact.Scope.RESOURCE))
                .licence(new LinkedText("Licence Ouverte 2.0", "https://www.etalab.gouv.fr/licence-ouverte-open-licence"))
                .addAccessConstraint("otherRestrictions")
                .addUseLimitation("Citer la source")
                .addOtherConstraint(new LinkedText("Pas de restriction d'accès public", null))
                .updateFrequency("continual")
                .status("onGoing")
                .addResourceLanguage("fre")
                .dates(new ResourceDates(LocalDate.of(2011, 9, 16), LocalDate.of(2016, 5, 10), LocalDate.of(2026, 11, 28)))
                .temporalExtent(new TemporalExtent(LocalDate.of(2016, 5, 10), null))
                .spatialExtent(new SpatialExtent(new BoundingBox(2.79, 50.5, 3.3, 50.8), null, List.of("Métropole Européenne de Lille")))
                .addReferenceSystem("EPSG:2154")
                .addScaleDenominator(25000)
                .lineage(LocalizedText.of("fr", "Export de l'API temps réel."))
                .addOnlineResource(new OnlineResource("https://data.lillemetropole.fr/vlille/stations.csv",
                        "WWW:DOWNLOAD-1.0-http--download", "stations.csv", "Export CSV", "text/csv", ResourceKind.DOWNLOAD, "download"))
                .addOnlineResource(new OnlineResource("https://data.lillemetropole.fr/ogcapi/collections/vlille",
                        "OGC API - Features", "vlille", "API OGC Features", "application/geo+json", ResourceKind.API, null))
                .addOnlineResource(new OnlineResource("https://data.lillemetropole.fr/doc/vlille.pdf", null,
                        "Guide des données", null, "application/pdf", ResourceKind.DOCUMENTATION, null))
                .addFormat(new Format("CSV", null))
                .addFormat(new Format("GeoJSON", "1.0"))
                .addOverview(new GraphicOverview("https://data.lillemetropole.fr/vlille/apercu.png", null, "image/png"))
                .addRelatedRecord(new RelatedRecord(SIMPLE, null, null, "crossReference"))
                .addRelatedRecord(new RelatedRecord(SECRET, null, "Fiche interne", "source"))
                .metadataDate(LocalDateTime.of(2026, 11, 28, 14, 5))
                .source(new SourceInfo("ISO 19139", "Géocatalogue MEL", "vlille.xml", Instant.parse("2026-11-28T13:00:00Z")))
                .build();
    }
}
