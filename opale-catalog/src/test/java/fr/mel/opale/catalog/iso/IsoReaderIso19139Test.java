package fr.mel.opale.catalog.iso;

import static org.assertj.core.api.Assertions.assertThat;

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
import fr.mel.opale.catalog.model.TemporalExtent;
import fr.mel.opale.catalog.model.ThesaurusCitation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reader on a small but complete ISO 19139 record written for this test ({@code iso/minimal-19139.xml}). */
class IsoReaderIso19139Test {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private final IsoReader reader = new IsoReader(Clock.fixed(NOW, ZoneOffset.UTC));
    private final CatalogRecord record = reader.read(IsoReaderTest.resource("minimal-19139.xml"), "minimal-19139.xml");

    @Test
    void identityLanguageAndSource() {
        assertThat(record.id()).isEqualTo("opale-test-19139");
        assertThat(record.kind()).isEqualTo(RecordKind.DATASET);
        assertThat(record.language()).isEqualTo("fr");
        assertThat(record.resourceLanguages()).containsExactly("fr");
        assertThat(record.source()).isEqualTo(new SourceInfo("ISO 19139", null, "minimal-19139.xml", NOW));
        assertThat(record.metadataDate()).isEqualTo(LocalDateTime.of(2024, 2, 3, 0, 0));
    }

    @Test
    void multilingualTitleKeepsTheMainLanguageFirstAndResolvesLocales() {
        // "#EN" is declared as eng; "#locale-dut" is not declared and is guessed; "#DE" is empty and dropped.
        assertThat(record.title().values()).containsExactly(
                Map.entry("fr", "Arbres d'alignement"), Map.entry("en", "Street trees"),
                Map.entry("nl", "Straatbomen"));
    }

    @Test
    void abstractKeepsItsLinesWithoutTheXmlIndentation() {
        assertThat(record.description().text()).isEqualTo(
                "Les arbres d'alignement de la voirie.\nCe jeu de données contient :\n* l'essence,\n* la hauteur.");
        assertThat(record.lineage().text()).isEqualTo("Relevés de terrain.");
    }

    @Test
    void partialDatesAreFirstDaysAndGarbageIsIgnored() {
        assertThat(record.dates()).isEqualTo(new ResourceDates(LocalDate.of(2012, 1, 1), LocalDate.of(2013, 5, 1),
                LocalDate.of(2020, 1, 15)));
    }

    @Test
    void keywordsWithAnchorTranslationAndThesaurus() {
        assertThat(record.keywords()).containsExactly(
                new Keyword(fr("Environnement"), "https://data.example.org/themes/environnement",
                        new ThesaurusCitation("Catégories", "https://data.example.org/themes",
                                LocalDate.of(2024, 5, 14)), "theme"),
                new Keyword(LocalizedText.of(Map.of("fr", "arbre", "en", "tree")),
                        null, null, null));
        assertThat(record.keywords().get(1).label().values().keySet()).containsExactly("fr", "en");
        assertThat(record.topicCategories()).containsExactly("environment");
    }

    @Test
    void contactsAndPublisher() {
        assertThat(record.contacts()).containsExactly(
                new Contact(null, "Service SIG de la Métropole", null, "sig@example.org", null, null, null,
                        "pointOfContact", Contact.Scope.METADATA),
                new Contact("Camille Martin", "Direction des espaces verts", "Responsable patrimoine arboré",
                        "arbres@example.org", "+33 3 00 00 00 00", "1 rue des Tilleuls, 59000 Lille",
                        "https://example.org/espaces-verts", "owner", Contact.Scope.RESOURCE));
        assertThat(record.publisher())
                .isEqualTo(new Organisation("Direction des espaces verts", null, "arbres@example.org"));
    }

    @Test
    void constraintsAndLicenceWithTheUrlTakenOutOfItsText() {
        assertThat(record.licence()).isEqualTo(
                new LinkedText("Licence Ouverte 2.0", "https://www.etalab.gouv.fr/licence-ouverte-open-licence"));
        assertThat(record.accessConstraints()).containsExactly("otherRestrictions");
        assertThat(record.useLimitations()).containsExactly("Aucune condition ne s'applique");
        assertThat(record.otherConstraints()).containsExactly(
                new LinkedText("Pas de restriction d'accès public",
                        "http://inspire.ec.europa.eu/metadata-codelist/LimitationsOnPublicAccess/noLimitations"),
                new LinkedText("Licence Ouverte 2.0 : https://www.etalab.gouv.fr/licence-ouverte-open-licence.",
                        null));
        assertThat(record.updateFrequency()).isEqualTo("monthly");
        assertThat(record.status()).isEqualTo("onGoing");
    }

    @Test
    void extentsSkipAProjectedBoxAndUnionTheOthers() {
        assertThat(record.spatialExtent().bbox()).isEqualTo(new BoundingBox(3.0, 50.5, 3.3, 50.7));
        assertThat(record.spatialExtent().geometry()).isEqualTo("MULTIPOLYGON (((3 50.6, 3.1 50.6, 3.1 50.7, "
                + "3 50.7, 3 50.6)), ((3.2 50.5, 3.3 50.5, 3.3 50.65, 3.2 50.65, 3.2 50.5)))");
        assertThat(record.spatialExtent().places()).containsExactly("Lille", "59350");
        assertThat(record.temporalExtent()).isEqualTo(new TemporalExtent(LocalDate.of(2015, 3, 1), null));
        assertThat(record.referenceSystems()).containsExactly("http://www.opengis.net/def/crs/EPSG/0/2154");
        assertThat(record.scaleDenominators()).containsExactly(5000);
    }

    @Test
    void onlineResourcesWithKindAndFormatAndAnEmptyUrlSkipped() {
        assertThat(record.onlineResources()).containsExactly(
                new OnlineResource("https://data.example.org/arbres.csv", "WWW:LINK", "Fichier CSV", null, "CSV",
                        ResourceKind.DOWNLOAD, null),
                new OnlineResource("https://data.example.org/wms", "OGC:WMS", "arbres", null, null,
                        ResourceKind.SERVICE, null),
                new OnlineResource("https://data.example.org/notice.pdf", "WWW:LINK-1.0-http--link", null,
                        "Documentation", "PDF", ResourceKind.DOCUMENTATION, null));
        assertThat(record.formats()).containsExactly(new Format("CSV", null));
        assertThat(record.overviews())
                .containsExactly(new GraphicOverview("https://example.org/arbres.png", "Aperçu", "image/png"));
    }

    @Test
    void relatedRecords() {
        assertThat(record.relatedRecords()).containsExactly(
                new RelatedRecord("opale-test-parent", null, null, RelatedRecord.PARENT),
                new RelatedRecord("opale-test-voirie", null, null, "crossReference"));
        assertThat(record.service()).isNull();
    }

    private static LocalizedText fr(String text) {
        return LocalizedText.of("fr", text);
    }
}
