package fr.mel.opale.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.DatasetSchema;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.data.LoadOptions;
import fr.mel.opale.data.Row;
import fr.mel.opale.data.RowSource;
import fr.mel.opale.testing.HttpTestClient;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * What collections are resolved from (the dataset registry, the served version, the catalog record) is remembered
 * between requests; these tests change each of them right after requests that filled the caches, and check that the
 * very next request sees the change: a record made restricted is gone at once for anonymous callers (and back at
 * once when public again), a new title shows, a rename redirects, a re-ingest, a rollback and a delete change what is
 * served and {@code numberMatched}. Run on H2 and on PostGIS by the two subclasses.
 */
@SpringBootTest(classes = OgcApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class CollectionChangesContract {
    @LocalServerPort
    int port;
    @Autowired
    Datasets datasets;
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;
    HttpTestClient http;
    TestCollections data;

    @BeforeEach
    void load() {
        http = new HttpTestClient(port);
        data = new TestCollections(datasets, catalog, policy);
    }

    /** Requests the collection's usual paths (filling every cache on the way) and returns their statuses. */
    private List<Integer> statuses(String slug, String credentials) {
        List<Integer> statuses = new ArrayList<>();
        for (String path : List.of("", "/items?limit=1", "/items/1", "/queryables")) {
            statuses.add(http.send("GET", "/ogcapi/collections/" + slug + path, null, null, credentials).statusCode());
        }
        return statuses;
    }

    private boolean listed(String slug, String credentials) {
        List<String> ids = new ArrayList<>();
        http.json(http.send("GET", "/ogcapi/collections", null, null, credentials)).get("collections")
                .forEach(c -> ids.add(c.get("id").asString()));
        return ids.contains(slug);
    }

    private JsonNode json(String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        return http.json(response);
    }

    private long matched(String slug) {
        return json("/ogcapi/collections/" + slug + "/items?limit=5").get("numberMatched").asLong();
    }

    private void changeRecord(Dataset dataset, Visibility visibility, String title) {
        policy.asPlatform(() -> {
            StoredRecord stored = catalog.get(dataset.recordId());
            return catalog.update(stored.record().toBuilder().title(LocalizedText.of("fr", title)).build(),
                    stored.version(), visibility);
        });
    }

    @Test
    void aRecordMadeRestrictedClosesItsCollectionAtOnceAndReopensAtOnce() {
        String slug = data.geo.slug();
        assertThat(statuses(slug, null)).containsOnly(200);
        assertThat(statuses(slug, null)).containsOnly(200);
        assertThat(listed(slug, null)).isTrue();

        changeRecord(data.geo, Visibility.RESTRICTED, "Communes fermées");
        assertThat(statuses(slug, null)).containsOnly(404);
        assertThat(listed(slug, null)).isFalse();
        assertThat(statuses(slug, HttpTestClient.ADMIN)).containsOnly(200);
        assertThat(listed(slug, HttpTestClient.ADMIN)).isTrue();
        // still closed on a second look (nothing cached the administrator's answer for visitors)
        assertThat(statuses(slug, null)).containsOnly(404);

        changeRecord(data.geo, Visibility.PUBLIC, "Communes rouvertes");
        assertThat(statuses(slug, null)).containsOnly(200);
        assertThat(listed(slug, null)).isTrue();
    }

    @Test
    void aNewTitleShowsAtOnce() {
        String slug = data.geo.slug();
        assertThat(json("/ogcapi/collections/" + slug).get("title").asString()).startsWith("Communes test");
        changeRecord(data.geo, Visibility.PUBLIC, "Communes retitrées " + slug);
        assertThat(json("/ogcapi/collections/" + slug).get("title").asString())
                .isEqualTo("Communes retitrées " + slug);
    }

    @Test
    void unlinkingOrDeletingTheRecordClosesTheCollectionAtOnce() {
        String geo = data.geo.slug();
        String table = data.table.slug();
        assertThat(statuses(geo, null)).containsOnly(200);
        assertThat(statuses(table, null)).containsOnly(200);
        policy.asPlatform(() -> datasets.linkRecord(data.geo.id(), null));
        assertThat(statuses(geo, null)).containsOnly(404);
        policy.asPlatform(() -> {
            catalog.delete(data.table.recordId());
            return null;
        });
        assertThat(statuses(table, null)).containsOnly(404);
        assertThat(statuses(table, HttpTestClient.ADMIN)).containsOnly(200);
    }

    @Test
    void aRenameRedirectsAtOnce() {
        String former = data.table.slug();
        assertThat(statuses(former, null)).containsOnly(200);
        String renamed = policy.asPlatform(() -> datasets.rename(data.table.id(),
                "Renommé " + UUID.randomUUID().toString().substring(0, 8))).slug();
        assertThat(statuses(former, null)).containsOnly(301);
        assertThat(statuses(renamed, null)).containsOnly(200);
    }

    @Test
    void aReingestARollbackAndADeleteChangeWhatIsServedAtOnce() {
        String slug = data.table.slug();
        assertThat(matched(slug)).isEqualTo(TestCollections.TABLE_ROWS);
        assertThat(matched(slug)).isEqualTo(TestCollections.TABLE_ROWS);
        assertThat(http.get("/ogcapi/collections/" + slug + "/items/7").statusCode()).isEqualTo(200);

        // a second version: fewer rows, one more column
        DatasetSchema schema = DatasetSchema.of(List.of(
                Column.of("libelle", ColumnType.TEXT),
                Column.of("montant", ColumnType.DECIMAL),
                Column.of("annee", ColumnType.INTEGER),
                Column.of("service", ColumnType.TEXT)), null);
        policy.asPlatform(() -> datasets.load(data.table.id(), schema, RowSource.of(LongStream.rangeClosed(1, 6)
                .mapToObj(i -> new Row(new Object[] {"Nouvelle " + i, BigDecimal.TEN, 2025L, "Voirie"}, null))),
                LoadOptions.defaults().withExpectedRows(6)));
        JsonNode page = json("/ogcapi/collections/" + slug + "/items?limit=5");
        assertThat(page.get("numberMatched").asLong()).isEqualTo(6);
        assertThat(page.get("numberReturned").asLong()).isEqualTo(5);
        assertThat(page.get("features").get(0).get("properties").get("service").asString()).isEqualTo("Voirie");
        assertThat(matched(slug)).isEqualTo(6);
        assertThat(http.get("/ogcapi/collections/" + slug + "/items/7").statusCode()).isEqualTo(404);
        assertThat(json("/ogcapi/collections/" + slug + "/queryables").get("properties").has("service")).isTrue();
        assertThat(json("/ogcapi/collections/" + slug + "/items?service=Voirie&limit=1").get("numberMatched")
                .asLong()).isEqualTo(6);

        policy.asPlatform(() -> datasets.rollback(data.table.id(), 1));
        assertThat(matched(slug)).isEqualTo(TestCollections.TABLE_ROWS);
        assertThat(http.get("/ogcapi/collections/" + slug + "/items/7").statusCode()).isEqualTo(200);
        assertThat(http.get("/ogcapi/collections/" + slug + "/items?service=Voirie").statusCode()).isEqualTo(400);

        policy.asPlatform(() -> {
            datasets.delete(data.table.id());
            return null;
        });
        assertThat(statuses(slug, HttpTestClient.ADMIN)).containsOnly(404);
    }
}
