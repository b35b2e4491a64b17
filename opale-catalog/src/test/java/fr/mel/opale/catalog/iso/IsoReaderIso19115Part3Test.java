package fr.mel.opale.catalog.iso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import fr.mel.opale.catalog.model.TemporalExtent;
import fr.mel.opale.catalog.model.ThesaurusCitation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reader on a small ISO 19115-3 record written for this test ({@code iso/minimal-19115-3.xml}). */
class IsoReaderIso19115Part3Test {
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private final IsoReader reader = new IsoReader(Clock.fixed(NOW, ZoneOffset.UTC));
    private final CatalogRecord record = reader.read(IsoReaderTest.resource("minimal-19115-3.xml"), null);

    @Test
    void identityScopeAndDates() {
        assertThat(record.id()).isEqualTo("opale-test-19115-3");
        assertThat(record.kind()).isEqualTo(RecordKind.SERIES);
        assertThat(record.language()).isEqualTo("fr");
        assertThat(record.resourceLanguages()).containsExactly("fr", "nl");
        assertThat(record.title().values()).containsExactly(Map.entry("fr", "Comptages vélo"));
        assertThat(record.description().text()).isEqualTo("Comptages horaires des vélos.");
        assertThat(record.lineage().text()).isEqualTo("Compteurs automatiques.");
        assertThat(record.dates()).isEqualTo(new ResourceDates(null, LocalDate.of(2019, 4, 2), null));
        // The revision date wins over the creation date; the time zone is dropped, the wall-clock time kept.
        assertThat(record.metadataDate()).isEqualTo(LocalDateTime.of(2024, 6, 30, 17, 45, 12, 500_000_000));
        assertThat(record.source().standard()).isEqualTo("ISO 19115-3");
        assertThat(record.source().fileName()).isNull();
        assertThat(record.updateFrequency()).isEqualTo("daily");
        assertThat(record.resourceIdentifiers()).containsExactly("comptages-velo");
    }

    @Test
    void responsibilitiesWithOrganisationsAndIndividuals() {
        assertThat(record.contacts()).containsExactly(
                new Contact("Dominique Lefebvre", "Métropole Européenne de Lille", "Administratrice de données",
                        "sig@example.org", "+33 3 22 22 22 22", null, null, "pointOfContact",
                        Contact.Scope.METADATA),
                new Contact("Alex Dubois", null, null, "alex@example.org", null, null, null, "custodian",
                        Contact.Scope.RESOURCE),
                new Contact(null, "Métropole Européenne de Lille", null, "opendata@example.org", null, null, null,
                        "publisher", Contact.Scope.RESOURCE),
                new Contact(null, "Opale", null, null, null, null, null, "distributor",
                        Contact.Scope.DISTRIBUTION));
        assertThat(record.publisher())
                .isEqualTo(new Organisation("Métropole Européenne de Lille", null, "opendata@example.org"));
    }

    @Test
    void licenceFromACitedReference() {
        LinkedText odbl =
                new LinkedText("Open Database License (ODbL)", "https://opendatacommons.org/licenses/odbl/");
        assertThat(record.licence()).isEqualTo(odbl);
        assertThat(record.otherConstraints()).containsExactly(odbl);
        assertThat(record.accessConstraints()).containsExactly("license");
    }

    @Test
    void extentsKeywordsOverviewsFormats() {
        assertThat(record.spatialExtent().bbox()).isEqualTo(new BoundingBox(2.79, 50.50, 3.27, 50.79));
        assertThat(record.spatialExtent().geometry()).isNull();
        assertThat(record.temporalExtent())
                .isEqualTo(new TemporalExtent(LocalDate.of(2019, 1, 1), LocalDate.of(2023, 12, 31)));
        assertThat(record.keywords()).containsExactly(new Keyword(fr("Réseaux de transport"),
                "http://inspire.ec.europa.eu/theme/tn",
                new ThesaurusCitation("GEMET - INSPIRE themes", "http://inspire.ec.europa.eu/theme", null),
                "theme"));
        assertThat(record.overviews())
                .containsExactly(new GraphicOverview("https://example.org/velo.png", null, null));
        assertThat(record.formats()).containsExactly(new Format("GeoJSON", "RFC 7946"));
    }

    @Test
    void onlineResourceKinds() {
        assertThat(record.onlineResources()).extracting(OnlineResource::kind, OnlineResource::format)
                .containsExactly(
                        tuple(ResourceKind.API, null),
                        tuple(ResourceKind.DOWNLOAD, "GeoJSON"),
                        tuple(ResourceKind.LANDING_PAGE, null));
    }

    @Test
    void parentAndAssociatedResources() {
        assertThat(record.relatedRecords()).containsExactly(
                new RelatedRecord("opale-test-parent-series",
                        "https://example.org/records/opale-test-parent-series", null, RelatedRecord.PARENT),
                new RelatedRecord("opale-test-compteurs", "https://example.org/records/opale-test-compteurs",
                        null, "isComposedOf"));
    }

    private static LocalizedText fr(String text) {
        return LocalizedText.of("fr", text);
    }
}
