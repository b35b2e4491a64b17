package fr.mel.opale.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.catalog.model.Organisation;
import fr.mel.opale.catalog.model.RecordKind;
import fr.mel.opale.catalog.model.RelatedRecord;
import fr.mel.opale.catalog.model.SpatialExtent;
import fr.mel.opale.catalog.model.TemporalExtent;
import fr.mel.opale.catalog.model.ThesaurusCitation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine alone, on small records of our own: French analysis, syntax tolerance, facets (OR within, AND across,
 * multi-select counts), boxes, access scope, sorts, and an index that survives being closed and reopened.
 */
class SearchEngineTest {
    private static final String THEMES = "https://example.org/themes";
    private SearchEngine engine;

    @BeforeEach
    void open() {
        engine = SearchEngine.inMemory();
        engine.index(List.of(
                record("tri", "Zones inondables du TRI de Lille", "Aléa débordement de la Lys.", "Risques", "DREAL",
                        RecordKind.DATASET, new BoundingBox(2.8, 50.5, 3.3, 50.8), Visibility.PUBLIC, 1),
                record("energie", "Consommation d'Énergie des communes", "Données annuelles.", "Énergie", "MEL",
                        RecordKind.DATASET, null, Visibility.PUBLIC, 2),
                record("eau", "Qualité de l'eau potable", "Analyses de l’eau distribuée.", "Eau", "MEL",
                        RecordKind.SERVICE, new BoundingBox(2.9, 50.6, 3.2, 50.7), Visibility.PUBLIC, 3),
                record("fidji", "Récifs des Fidji", "Une île à cheval sur l'antiméridien.", "Eau", "Pacifique",
                        RecordKind.DATASET, new BoundingBox(177, -19, -179, -16), Visibility.PUBLIC, 4),
                record("secret", "Réseau d'eau sensible", "Ouvrages protégés.", "Eau", "MEL",
                        RecordKind.DATASET, null, Visibility.RESTRICTED, 5)));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void analysesFrench() {
        assertThat(ids("inondation")).containsExactly("tri");
        assertThat(ids("inondées")).containsExactly("tri");
        assertThat(ids("energie")).containsExactly("energie");
        assertThat(ids("ÉNERGIES")).containsExactly("energie");
        assertThat(ids("eau")).containsExactlyInAnyOrder("eau", "fidji");
        assertThat(ids("débordements lys")).containsExactly("tri");
        assertThat(ids("\"qualité de l'eau\"")).containsExactly("eau");
        assertThat(ids("\"eau qualité\"")).isEmpty();
        assertThat(ids("inond*")).containsExactly("tri");
    }

    @Test
    void neverFailsOnQuerySyntax() {
        for (String text : List.of("title:(a OR \"b", "\"", "*", "((", "-", "a AND OR NOT", "\\", "~2", "[1 TO",
                "le", "+-|\"*()~")) {
            assertThat(engine.search(query(text).build(), ReadScope.PUBLIC_ONLY).total()).isNotNegative();
        }
    }

    @Test
    void facetsAreOrWithinAndAcrossWithMultiSelectCounts() {
        SearchResult mel = engine.search(SearchQuery.builder().filter(Facet.ORGANISATION, "MEL").build(),
                ReadScope.PUBLIC_ONLY);
        assertThat(ids(mel)).containsExactlyInAnyOrder("energie", "eau");
        // The organisation facet ignores its own filter: every organisation keeps its count.
        assertThat(counts(mel, Facet.ORGANISATION)).containsEntry("MEL", 2L).containsEntry("DREAL", 1L)
                .containsEntry("Pacifique", 1L);
        // Other facets apply it.
        assertThat(counts(mel, Facet.KIND)).containsExactlyInAnyOrderEntriesOf(Map.of("dataset", 1L, "service", 1L));

        SearchResult either = engine.search(SearchQuery.builder().filter(Facet.ORGANISATION, "MEL", "DREAL")
                .filter(Facet.KIND, "dataset").build(), ReadScope.PUBLIC_ONLY);
        assertThat(ids(either)).containsExactlyInAnyOrder("energie", "tri");
        assertThat(counts(either, Facet.KIND)).containsEntry("dataset", 2L).containsEntry("service", 1L);
        assertThat(counts(either, Facet.ORGANISATION)).containsEntry("MEL", 1L).containsEntry("DREAL", 1L)
                .containsEntry("Pacifique", 1L);

        SearchResult thesaurus = engine.search(SearchQuery.builder()
                .filter(Facet.THESAURUS, THEMES + "|Eau").build(), ReadScope.PUBLIC_ONLY);
        assertThat(ids(thesaurus)).containsExactlyInAnyOrder("eau", "fidji");
        assertThat(counts(thesaurus, Facet.THESAURUS)).containsEntry(THEMES + "|Risques", 1L);

        assertThat(engine.search(SearchQuery.builder().filter(Facet.KIND, "nothing-like-this").build(),
                ReadScope.PUBLIC_ONLY).total()).isZero();
        SearchResult unknown = engine.search(SearchQuery.builder().filter(Facet.GEO, "peut-être").build(),
                ReadScope.PUBLIC_ONLY);
        assertThat(unknown.total()).isZero();
        assertThat(unknown.facets().get(Facet.GEO)).anySatisfy(v -> {
            assertThat(v.value()).isEqualTo("peut-être");
            assertThat(v.count()).isZero();
            assertThat(v.selected()).isTrue();
        });
    }

    @Test
    void filtersByIntersectingBoxesAcrossTheAntimeridian() {
        assertThat(ids(SearchQuery.builder().bbox(new BoundingBox(3.0, 50.62, 3.1, 50.65)).build()))
                .containsExactlyInAnyOrder("tri", "eau");
        assertThat(ids(SearchQuery.builder().bbox(new BoundingBox(3.25, 50.75, 4, 51)).build()))
                .containsExactly("tri");
        assertThat(ids(SearchQuery.builder().bbox(new BoundingBox(-179.5, -18, -179.2, -17)).build()))
                .containsExactly("fidji");
        assertThat(ids(SearchQuery.builder().bbox(new BoundingBox(170, -20, -170, -10)).build()))
                .containsExactly("fidji");
        assertThat(ids(SearchQuery.builder().bbox(new BoundingBox(179, 50, -179, 51)).build())).isEmpty();
        assertThat(ids(SearchQuery.builder().bbox(new BoundingBox(10, 0, 20, 10)).build())).isEmpty();
    }

    @Test
    void hidesWhatTheScopeDoesNotSee() {
        SearchResult anonymous = engine.search(SearchQuery.builder().text("réseau").build(), ReadScope.PUBLIC_ONLY);
        assertThat(anonymous.total()).isZero();
        SearchResult all = engine.search(SearchQuery.builder().build(), ReadScope.PUBLIC_ONLY);
        assertThat(all.total()).isEqualTo(4);
        assertThat(counts(all, Facet.ORGANISATION)).containsEntry("MEL", 2L);
        assertThat(counts(all, Facet.KEYWORD)).containsEntry("Eau", 2L);
        SearchResult admin = engine.search(SearchQuery.builder().build(), ReadScope.EVERYTHING);
        assertThat(admin.total()).isEqualTo(5);
        assertThat(counts(admin, Facet.ORGANISATION)).containsEntry("MEL", 3L);
        assertThat(engine.suggest("rés", 10, ReadScope.PUBLIC_ONLY)).extracting(Suggestion::text)
                .doesNotContain("Réseau d'eau sensible");
        assertThat(engine.suggest("rés", 10, ReadScope.EVERYTHING)).extracting(Suggestion::text)
                .contains("Réseau d'eau sensible");
    }

    @Test
    void sortsAndPages() {
        assertThat(ids(SearchQuery.builder().sort(SearchSort.TITLE).build()))
                .containsExactly("energie", "eau", "fidji", "tri");
        assertThat(ids(SearchQuery.builder().build())).containsExactly("fidji", "eau", "energie", "tri");
        assertThat(ids(SearchQuery.builder().sort(SearchSort.SCORE).build()))
                .containsExactly("fidji", "eau", "energie", "tri");
        SearchResult second = engine.search(SearchQuery.builder().size(3).page(1).build(), ReadScope.PUBLIC_ONLY);
        assertThat(second.total()).isEqualTo(4);
        assertThat(ids(second)).containsExactly("tri");
    }

    @Test
    void filtersByPeriodIdentifiersAndOrdersExplicitly() {
        engine.index(List.of(
                timed("t2020", "Relevés 2020", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31), "EXT-1", 6),
                timed("tsince", "Relevés depuis 2022", LocalDate.of(2022, 6, 1), null, "EXT-2", 7),
                timed("tuntil", "Relevés jusqu'en 2019", null, LocalDate.of(2019, 3, 31), null, 8)));
        // Intersection with the extent; open ends reach the beginning or end of time; no extent, no match.
        assertThat(ids(period(LocalDate.of(2020, 6, 1), LocalDate.of(2020, 6, 1))))
                .containsExactly("t2020");
        assertThat(ids(period(LocalDate.of(2019, 3, 31), LocalDate.of(2020, 1, 1))))
                .containsExactlyInAnyOrder("t2020", "tuntil");
        assertThat(ids(period(LocalDate.of(2030, 1, 1), null))).containsExactly("tsince");
        assertThat(ids(period(null, LocalDate.of(1900, 1, 1)))).containsExactly("tuntil");
        assertThat(ids(period(LocalDate.of(2021, 1, 1), LocalDate.of(2022, 5, 31)))).isEmpty();
        assertThat(ids(period(null, null))).containsExactlyInAnyOrder("t2020", "tsince", "tuntil");
        // Identifiers, the resources' external identifiers.
        assertThat(ids(SearchQuery.builder().ids(List.of("tri", "eau", "nope", "secret")).build()))
                .containsExactlyInAnyOrder("tri", "eau");
        assertThat(ids(SearchQuery.builder().externalIds(List.of("EXT-2", "EXT-9")).build()))
                .containsExactly("tsince");
        // Explicit orders both ways; an offset that is not a multiple of the size.
        SearchQuery.Builder byCreated = SearchQuery.builder().ids(List.of("tri", "energie", "eau", "t2020"));
        assertThat(ids(byCreated.order(new SearchOrder(SearchOrder.Field.CREATED, true)).build()))
                .containsExactly("tri", "energie", "eau", "t2020");
        assertThat(ids(byCreated.order(new SearchOrder(SearchOrder.Field.CREATED, false)).build()))
                .containsExactly("t2020", "eau", "energie", "tri");
        assertThat(ids(byCreated.order(new SearchOrder(SearchOrder.Field.TITLE, false)).build()))
                .containsExactly("tri", "t2020", "eau", "energie");
        assertThat(ids(byCreated.order(new SearchOrder(SearchOrder.Field.MODIFIED, true)).offset(1).size(2).build()))
                .containsExactly("energie", "eau");
    }

    private static SearchQuery period(LocalDate start, LocalDate end) {
        return SearchQuery.builder().period(new SearchPeriod(start, end)).build();
    }

    private static IndexedRecord timed(String id, String title, LocalDate start, LocalDate end, String externalId,
                                       int age) {
        IndexedRecord plain = record(id, title, "", "Temps", "MEL", RecordKind.DATASET, null, Visibility.PUBLIC, age);
        CatalogRecord.Builder record = plain.stored().record().toBuilder().temporalExtent(new TemporalExtent(start, end));
        if (externalId != null) {
            record.resourceIdentifiers(List.of(externalId));
        }
        StoredRecord stored = plain.stored();
        return IndexedRecord.plain(new StoredRecord(record.build(), 1, stored.created(), stored.modified(),
                Visibility.PUBLIC, null));
    }

    @Test
    void suggestsKeywordsThenTitles() {
        assertThat(engine.suggest("éner", 10, ReadScope.PUBLIC_ONLY)).extracting(Suggestion::text)
                .containsExactly("Énergie", "Consommation d'Énergie des communes");
        assertThat(engine.suggest("zones inon", 10, ReadScope.PUBLIC_ONLY)).extracting(Suggestion::recordId)
                .containsExactly("tri");
        assertThat(engine.suggest("  ", 10, ReadScope.PUBLIC_ONLY)).isEmpty();
    }

    @Test
    void survivesARestartAndRebuildsAnOlderMapping(@TempDir Path dir) throws Exception {
        try (SearchEngine first = SearchEngine.open(dir)) {
            first.index(List.of(record("durable", "Index durable", "", "Eau", "MEL", RecordKind.DATASET, null,
                    Visibility.PUBLIC, 1)));
        }
        try (SearchEngine again = SearchEngine.open(dir)) {
            assertThat(again.wasReset()).isFalse();
            assertThat(again.count()).isEqualTo(1);
            assertThat(again.search(query("durable").build(), ReadScope.PUBLIC_ONLY).total()).isEqualTo(1);
        }
        Files.writeString(dir.resolve("opale-mapping-version"), "0");
        try (SearchEngine upgraded = SearchEngine.open(dir)) {
            assertThat(upgraded.wasReset()).isTrue();
            assertThat(upgraded.count()).isZero();
        }
    }

    private List<String> ids(String text) {
        return ids(query(text).build());
    }

    private List<String> ids(SearchQuery query) {
        return ids(engine.search(query, ReadScope.PUBLIC_ONLY));
    }

    private static List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchHit::id).toList();
    }

    private static Map<String, Long> counts(SearchResult result, Facet facet) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        result.facets().get(facet).forEach(v -> counts.put(v.value(), v.count()));
        return counts;
    }

    private static SearchQuery.Builder query(String text) {
        return SearchQuery.builder().text(text);
    }

    @Test
    void ownersAreCountedAndAveragedAndCitingRecordsFoundWithinTheScope() {
        engine.index(List.of(
                owned("lille-1", "lille", 40, Visibility.PUBLIC, List.of()),
                owned("lille-2", "lille", 71, Visibility.PUBLIC, List.of("lille-1")),
                owned("lille-3", "lille", 90, Visibility.RESTRICTED, List.of("lille-1")),
                owned("roubaix-1", "roubaix", 55, Visibility.PUBLIC, List.of("lille-1", "absent"))));

        Map<String, OwnerFigures> anonymous = engine.owners(ReadScope.PUBLIC_ONLY, Set.of());
        assertThat(anonymous).containsEntry("lille", new OwnerFigures(2, 56)) // (40 + 71) / 2 = 55.5
                .containsEntry("roubaix", new OwnerFigures(1, 55)).hasSize(2); // records without owner: absent
        assertThat(engine.owners(ReadScope.EVERYTHING, Set.of("lille")))
                .containsExactly(Map.entry("lille", new OwnerFigures(3, 67))); // 201 / 3
        assertThat(engine.search(SearchQuery.builder().owners(List.of("lille")).build(), ReadScope.PUBLIC_ONLY)
                .hits()).extracting(SearchHit::id, SearchHit::owner)
                .containsExactlyInAnyOrder(tuple("lille-1", "lille"), tuple("lille-2", "lille"));

        assertThat(engine.citing("lille-1", 10, ReadScope.PUBLIC_ONLY)).extracting(SearchHit::id)
                .containsExactly("lille-2", "roubaix-1"); // by title; the restricted one hidden
        assertThat(engine.citing("lille-1", 10, ReadScope.EVERYTHING)).extracting(SearchHit::id)
                .containsExactly("lille-2", "lille-3", "roubaix-1");
        assertThat(engine.citing("lille-1", 1, ReadScope.EVERYTHING)).hasSize(1);
        assertThat(engine.citing("roubaix-1", 10, ReadScope.EVERYTHING)).isEmpty();
    }

    private static IndexedRecord owned(String id, String owner, int score, Visibility visibility, List<String> cites) {
        CatalogRecord.Builder builder = CatalogRecord.builder(id).title(LocalizedText.of("fr", "Fiche " + id))
                .description(LocalizedText.of("fr", "Une fiche."));
        cites.forEach(cited -> builder.addRelatedRecord(new RelatedRecord(cited, null, null, "crossReference")));
        Instant modified = Instant.parse("2026-01-01T00:00:00Z");
        StoredRecord stored = new StoredRecord(builder.build(), 1, modified, modified, visibility, owner);
        return new IndexedRecord(stored, List.of(), List.of(), score, null,
                fr.mel.opale.access.AccessPolicy.readers(stored.protection(), List.of()));
    }

    static IndexedRecord record(String id, String title, String description, String keyword, String organisation,
                                RecordKind kind, BoundingBox box, Visibility visibility, int age) {
        CatalogRecord record = CatalogRecord.builder(id).kind(kind).title(LocalizedText.of("fr", title))
                .description(LocalizedText.of("fr", description))
                .addKeyword(new Keyword(LocalizedText.of("fr", keyword), null, new ThesaurusCitation("Thèmes", THEMES, null), "theme"))
                .publisher(new Organisation(organisation, null, null))
                .spatialExtent(box == null ? SpatialExtent.NONE : new SpatialExtent(box, null, List.of()))
                .build();
        Instant modified = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * age);
        StoredRecord stored = new StoredRecord(record, 1, modified, modified, visibility, null);
        return new IndexedRecord(stored, List.of(), List.of(), 10 * age, null,
                fr.mel.opale.access.AccessPolicy.readers(stored.protection(), List.of()));
    }
}
