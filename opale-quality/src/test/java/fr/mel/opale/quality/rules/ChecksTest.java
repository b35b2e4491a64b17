package fr.mel.opale.quality.rules;

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
import fr.mel.opale.catalog.model.ResourceDates;
import fr.mel.opale.catalog.model.ResourceKind;
import fr.mel.opale.catalog.model.SpatialExtent;
import fr.mel.opale.catalog.model.TemporalExtent;
import fr.mel.opale.catalog.model.ThesaurusCitation;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each check type on hand-made records: met, missed, and the edge cases its Javadoc promises. */
class ChecksTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 29);

    static CatalogRecord.Builder record() {
        return CatalogRecord.builder("r");
    }

    static boolean test(Check check, CatalogRecord.Builder record) {
        return check.test(record.build(), TODAY);
    }

    @Test
    void presentNeedsANonBlankValue() {
        Check keywords = new FieldPresent(RecordField.KEYWORDS);
        assertThat(test(keywords, record())).isFalse();
        assertThat(test(keywords, record().addKeyword(Keyword.free("fr", "vélo")))).isTrue();
        Check publisher = new FieldPresent(RecordField.PUBLISHER);
        assertThat(test(publisher, record().publisher(new Organisation(" ", null, null)))).isFalse();
        assertThat(test(publisher, record().publisher(new Organisation("MEL", null, null)))).isTrue();
        Check legal = new FieldPresent(RecordField.LEGAL_CONSTRAINTS);
        assertThat(test(legal, record())).isFalse();
        assertThat(test(legal, record().addAccessConstraint("copyright"))).isTrue();
    }

    @Test
    void lengthCountsCharactersAndBothBounds() {
        Check title = new TextLength(RecordField.TITLE, 5, 10);
        assertThat(test(title, record())).as("absent").isFalse();
        assertThat(test(title, record().title(LocalizedText.of("fr", "Vélo")))).as("4 < 5").isFalse();
        assertThat(test(title, record().title(LocalizedText.of("fr", "  Vélos  ")))).as("trimmed: 5").isTrue();
        assertThat(test(title, record().title(LocalizedText.of("fr", "Vélos-Lille")))).as("11 > 10").isFalse();
        assertThat(test(new TextLength(RecordField.DESCRIPTION, 100, null),
                record().description(LocalizedText.of("fr", "é".repeat(100))))).isTrue();
        assertThat(test(new TextLength(RecordField.DESCRIPTION, 100, null),
                record().description(LocalizedText.of("fr", "é".repeat(99))))).isFalse();
    }

    @Test
    void inListMatchesValuesIgnoringCaseAndPatternsAnywhere() {
        Check licence = new ValueInList(RecordField.USE_CONDITIONS, List.of("ODbL"),
                List.of(Pattern.compile("licence[ -]ouverte", Pattern.CASE_INSENSITIVE)));
        assertThat(test(licence, record())).isFalse();
        assertThat(test(licence, record().licence(new LinkedText(" odbl ", null)))).isTrue();
        assertThat(test(licence, record().addUseLimitation("Utilisation sous Licence Ouverte 2.0"))).isTrue();
        assertThat(test(licence, record().addOtherConstraint(new LinkedText("Tous droits réservés", null)))).isFalse();
        assertThat(test(new ValueInList(RecordField.LICENCE, List.of(),
                        List.of(Pattern.compile("etalab\\.gouv\\.fr"))),
                record().licence(new LinkedText(null, "https://www.etalab.gouv.fr/licence-ouverte")))).as("by URI")
                .isTrue();
    }

    @Test
    void thesaurusKeywordByUriTitleOrConceptUri() {
        Check categories = new ThesaurusKeyword(List.of("https://data.lillemetropole.fr/thematique/categories/"),
                List.of("Catégories d'usage"), 1);
        ThesaurusCitation byUri = new ThesaurusCitation(null, "https://data.lillemetropole.fr/thematique/categories", null);
        ThesaurusCitation byTitle = new ThesaurusCitation("CATEGORIES D’USAGE", null, null);
        ThesaurusCitation other = new ThesaurusCitation("GEMET", "http://www.eionet.europa.eu/gemet", null);
        assertThat(test(categories, record().addKeyword(Keyword.free("fr", "mobilité")))).isFalse();
        assertThat(test(categories, record().addKeyword(new Keyword(LocalizedText.of("fr", "Mobilité"), null, other, null))))
                .isFalse();
        assertThat(test(categories, record().addKeyword(new Keyword(LocalizedText.of("fr", "Mobilité"), null, byUri, null))))
                .isTrue();
        assertThat(test(categories, record().addKeyword(new Keyword(LocalizedText.of("fr", "Mobilité"), null, byTitle, null))))
                .as("title ignoring case, accents and apostrophe").isTrue();
        assertThat(test(categories, record().addKeyword(new Keyword(LocalizedText.of("fr", "Mobilité"),
                "https://data.lillemetropole.fr/thematique/categories/mobilite", null, null)))).as("concept URI").isTrue();
        Check two = new ThesaurusKeyword(List.of(), List.of("GEMET"), 2);
        assertThat(test(two, record().addKeyword(new Keyword(LocalizedText.of("fr", "air"), null, other, null)))).isFalse();
    }

    @Test
    void contactEmailMustBeWellFormed() {
        Check email = new ContactEmail(EnumSet.allOf(Contact.Scope.class), true);
        assertThat(test(email, record())).isFalse();
        assertThat(test(email, record().addContact(contact("pas une adresse", Contact.Scope.RESOURCE)))).isFalse();
        assertThat(test(email, record().addContact(contact("a b@mel.fr", Contact.Scope.RESOURCE)))).isFalse();
        assertThat(test(email, record().addContact(contact("sig@lillemetropole", Contact.Scope.RESOURCE)))).isFalse();
        assertThat(test(email, record().addContact(contact("sig@lillemetropole.fr", Contact.Scope.METADATA)))).isTrue();
        assertThat(test(email, record().publisher(new Organisation("MEL", null, "opendata@lillemetropole.fr")))).isTrue();
        Check resourceOnly = new ContactEmail(Set.of(Contact.Scope.RESOURCE), false);
        assertThat(test(resourceOnly, record().addContact(contact("sig@lillemetropole.fr", Contact.Scope.METADATA))
                .publisher(new Organisation("MEL", null, "opendata@lillemetropole.fr")))).isFalse();
    }

    @Nested
    class UpToDateCheck {
        final Check upToDate = new UpToDate(0);

        @Test
        void periodicFrequenciesAgainstTheLatestResourceDate() {
            assertThat(test(upToDate, record().updateFrequency("monthly").dates(dates(TODAY.minusDays(31))))).isTrue();
            assertThat(test(upToDate, record().updateFrequency("monthly").dates(dates(TODAY.minusDays(32))))).isFalse();
            assertThat(test(upToDate, record().updateFrequency("annually").dates(dates(TODAY.minusDays(300))))).isTrue();
            assertThat(test(upToDate, record().updateFrequency("daily").dates(dates(TODAY.minusDays(2))))).isFalse();
            assertThat(test(new UpToDate(7), record().updateFrequency("daily").dates(dates(TODAY.minusDays(2)))))
                    .as("grace days").isTrue();
            assertThat(test(upToDate, record().updateFrequency("weekly")
                    .dates(new ResourceDates(TODAY.minusYears(3), null, TODAY.minusDays(3))))).as("latest date").isTrue();
        }

        @Test
        void metadataDateWhenTheResourceHasNone() {
            assertThat(test(upToDate, record().updateFrequency("quarterly")
                    .metadataDate(LocalDateTime.of(2026, 10, 1, 12, 0)))).isTrue();
            assertThat(test(upToDate, record().updateFrequency("quarterly"))).as("no date at all").isFalse();
        }

        @Test
        void noScheduleIsMetUnknownOrAbsentIsMissed() {
            for (String frequency : List.of("asNeeded", "irregular", "notPlanned", "periodic")) {
                assertThat(test(upToDate, record().updateFrequency(frequency))).as(frequency).isTrue();
            }
            assertThat(test(upToDate, record().updateFrequency("unknown").dates(dates(TODAY)))).isFalse();
            assertThat(test(upToDate, record().dates(dates(TODAY)))).isFalse();
            assertThat(test(upToDate, record().updateFrequency("every full moon").dates(dates(TODAY)))).isFalse();
        }

        private static ResourceDates dates(LocalDate revised) {
            return new ResourceDates(null, null, revised);
        }
    }

    @Test
    void temporalAndSpatialExtents() {
        Check temporal = new TemporalExtentPresent();
        assertThat(test(temporal, record())).isFalse();
        assertThat(test(temporal, record().temporalExtent(new TemporalExtent(null, null)))).isFalse();
        assertThat(test(temporal, record().temporalExtent(new TemporalExtent(LocalDate.of(2020, 1, 1), null)))).isTrue();
        Check spatial = new SpatialExtentPresent(false);
        Check box = new SpatialExtentPresent(true);
        CatalogRecord.Builder placeOnly = record().spatialExtent(new SpatialExtent(null, null, List.of("Lille")));
        assertThat(test(spatial, record())).isFalse();
        assertThat(test(spatial, placeOnly)).isTrue();
        assertThat(test(box, placeOnly)).isFalse();
        assertThat(test(box, record().spatialExtent(new SpatialExtent(new BoundingBox(2.9, 50.5, 3.2, 50.8), null,
                List.of())))).isTrue();
    }

    @Test
    void distributionByKindAndFormatWords() {
        Check download = new HasDistribution(Set.of(ResourceKind.DOWNLOAD, ResourceKind.API), List.of(), true);
        assertThat(test(download, record().addOnlineResource(link("https://x.fr/doc", null, null, ResourceKind.DOCUMENTATION))))
                .isFalse();
        assertThat(test(download, record().addOnlineResource(link("https://x.fr/a.zip", null, null, ResourceKind.DOWNLOAD))))
                .isTrue();
        Check open = new HasDistribution(Set.of(), List.of("csv", "geojson", "esri shapefile"), true);
        assertThat(test(open, record().addOnlineResource(link("https://x.fr/a.zip", "ZIP", null, ResourceKind.DOWNLOAD))))
                .isFalse();
        assertThat(test(open, record().addOnlineResource(link("https://x.fr/data", "text/csv", null, ResourceKind.DOWNLOAD))))
                .as("media type").isTrue();
        assertThat(test(open, record().addOnlineResource(link("https://x.fr/data", null, "WWW:DOWNLOAD:application/vnd.geo+json",
                ResourceKind.DOWNLOAD)))).as("protocol words: vnd, geo, json but not geojson").isFalse();
        assertThat(test(open, record().addOnlineResource(link("https://x.fr/export/stations.CSV?x=1", null, null,
                ResourceKind.DOWNLOAD)))).as("file extension").isTrue();
        assertThat(test(open, record().addFormat(new Format("ESRI Shapefile (SHP)", null)))).as("declared").isTrue();
        assertThat(test(open, record().addFormat(new Format("Shapefile", null)))).as("both words needed").isFalse();
        assertThat(test(new HasDistribution(Set.of(), List.of("csv"), false), record().addFormat(new Format("CSV", null))))
                .as("declared formats ignored").isFalse();
    }

    @Test
    void previewIsAnOverviewOrAViewableLink() {
        Check preview = new HasPreview(Set.of(ResourceKind.SERVICE, ResourceKind.API));
        assertThat(test(preview, record())).isFalse();
        assertThat(test(preview, record().addOnlineResource(link("https://x.fr/a.csv", null, null, ResourceKind.DOWNLOAD))))
                .isFalse();
        assertThat(test(preview, record().addOverview(new GraphicOverview("https://x.fr/a.png", null, null)))).isTrue();
        assertThat(test(preview, record().addOnlineResource(link("https://x.fr/wms", null, "OGC:WMS", ResourceKind.SERVICE))))
                .isTrue();
    }

    @Test
    void lineageResourcesDescribedAndCombinations() {
        assertThat(test(new LineagePresent(1), record())).isFalse();
        assertThat(test(new LineagePresent(20), record().lineage(LocalizedText.of("fr", "Saisie terrain")))).isFalse();
        assertThat(test(new LineagePresent(1), record().lineage(LocalizedText.of("fr", "Saisie terrain")))).isTrue();

        Check described = new ResourcesDescribed();
        assertThat(test(described, record())).as("no link").isFalse();
        OnlineResource withText = new OnlineResource("https://x.fr/a.csv", null, "a", "Les arrêts", null,
                ResourceKind.DOWNLOAD, null);
        assertThat(test(described, record().addOnlineResource(withText))).isTrue();
        assertThat(test(described, record().addOnlineResource(withText)
                .addOnlineResource(link("https://x.fr/b.csv", null, null, ResourceKind.DOWNLOAD)))).isFalse();

        Check any = new AnyOf(List.of(new FieldPresent(RecordField.KEYWORDS), new FieldPresent(RecordField.TOPIC_CATEGORIES)));
        Check all = new AllOf(List.of(new FieldPresent(RecordField.KEYWORDS), new FieldPresent(RecordField.TOPIC_CATEGORIES)));
        CatalogRecord.Builder oneOfTwo = record().addTopicCategory("transportation");
        assertThat(test(any, oneOfTwo)).isTrue();
        assertThat(test(all, oneOfTwo)).isFalse();
        assertThat(test(all, oneOfTwo.addKeyword(Keyword.free("fr", "bus")))).isTrue();
    }

    private static Contact contact(String email, Contact.Scope scope) {
        return new Contact(null, "MEL", null, email, null, null, null, "pointOfContact", scope);
    }

    private static OnlineResource link(String url, String format, String protocol, ResourceKind kind) {
        return new OnlineResource(url, protocol, null, null, format, kind, null);
    }
}
