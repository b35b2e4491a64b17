package fr.mel.opale.ingest.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.DatasetSchema;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.data.LoadOptions;
import fr.mel.opale.data.Row;
import fr.mel.opale.data.RowSource;
import fr.mel.opale.ingest.IngestTestApplication;
import fr.mel.opale.testing.HttpTestClient;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/datasets/{id}/aggregate} over real HTTP: groups and sums equal to SQL written here against the
 * version table, a CQL2 filter, periods, CSV, and every bad input a 400 problem+json in French; a dataset without a
 * public record is 404 to visitors and answered to the administrator. On H2 and PostGIS by the subclasses.
 */
@SpringBootTest(classes = IngestTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AggregateApiContract {
    private static final String[] TOWNS = {"Lille", "Roubaix", "Tourcoing", "Croix", "Hem"};
    private static final DatasetSchema SCHEMA = new DatasetSchema(List.of(
            new Column("commune", "Commune", ColumnType.TEXT),
            new Column("places", "Nombre de places", ColumnType.INTEGER),
            new Column("tarif", "Tarif (€)", ColumnType.DECIMAL),
            new Column("ouverture", "Date d'ouverture", ColumnType.DATE)), null);
    private static final int ROWS = 500;

    @LocalServerPort
    int port;
    @Autowired
    Datasets datasets;
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;
    @Autowired
    JdbcTemplate jdbc;

    private HttpTestClient http;
    private Dataset published;
    private Dataset unpublished;

    @BeforeAll
    void load() {
        http = new HttpTestClient(port);
        published = loaded(true);
        unpublished = loaded(false);
    }

    private Dataset loaded(boolean withPublicRecord) {
        return policy.asPlatform(() -> {
            Dataset dataset = datasets.create("Parkings " + UUID.randomUUID(), null);
            datasets.load(dataset.id(), SCHEMA, rows(), LoadOptions.defaults());
            if (withPublicRecord) {
                String recordId = "rec-agg-api-" + UUID.randomUUID();
                catalog.create(CatalogRecord.builder(recordId).title(LocalizedText.of("fr", "Parkings")).build(),
                        Visibility.PUBLIC);
                datasets.linkRecord(dataset.id(), recordId);
            }
            return datasets.find(dataset.id()).orElseThrow();
        });
    }

    private static RowSource rows() {
        return new RowSource() {
            private int i;

            @Override
            public @Nullable Row next() {
                if (i >= ROWS) {
                    return null;
                }
                int n = i++;
                return Row.of(null, n % 7 == 0 ? null : TOWNS[(n * n) % TOWNS.length], (long) (n % 37) * 10,
                        n % 5 == 0 ? null : BigDecimal.valueOf(n % 13, 1), LocalDate.of(2020, 1, 1).plusDays(n * 3L));
            }
        };
    }

    private String table() {
        return "ds_" + published.id() + "_v" + published.currentVersion();
    }

    private HttpResponse<String> aggregate(String datasetId, String query) {
        return http.get("/api/datasets/" + datasetId + "/aggregate?" + query);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void countsAndSumsEqualTheDatabasesOwnGroupBy() {
        JsonNode counts = http.json(aggregate(published.id(), "groupBy=commune&limit=10"));
        List<Map<String, Object>> sql = jdbc.queryForList("SELECT \"commune\" AS k, COUNT(*) AS n, SUM(\"places\") AS s "
                + "FROM \"" + table() + "\" GROUP BY \"commune\"");
        assertThat(counts.get("rows").asLong()).isEqualTo(ROWS);
        assertThat(counts.get("groupCount").asLong()).isEqualTo(sql.size());
        assertThat(counts.get("groupBy").get("title").asString()).isEqualTo("Commune");
        assertThat(counts.get("others").isNull()).isTrue();
        for (Map<String, Object> group : sql) {
            JsonNode answered = find(counts, group.get("k"));
            assertThat(answered.get("value").asLong()).as("count of %s", group.get("k"))
                    .isEqualTo(((Number) group.get("n")).longValue());
        }
        JsonNode sums = http.json(aggregate(published.id(), "groupBy=commune&measure=" + encoded("sum(places)")));
        assertThat(sums.get("measure").get("column").get("name").asString()).isEqualTo("places");
        for (Map<String, Object> group : sql) {
            assertThat(find(sums, group.get("k")).get("value").decimalValue())
                    .isEqualByComparingTo(new BigDecimal(group.get("s").toString()));
        }
    }

    @Test
    void aCql2FilterAndAPeriodNarrowTheGroups() {
        JsonNode filtered = http.json(aggregate(published.id(), "groupBy=ouverture&period=year&filter="
                + encoded("commune = 'Lille' AND places >= 100")));
        Long expected = jdbc.queryForObject("SELECT COUNT(*) FROM \"" + table()
                + "\" WHERE \"commune\" = 'Lille' AND \"places\" >= 100", Long.class);
        assertThat(filtered.get("rows").asLong()).isEqualTo(expected);
        assertThat(filtered.get("filter").asString()).isEqualTo("commune = 'Lille' AND places >= 100");
        long sum = 0;
        String previous = "";
        for (JsonNode group : filtered.get("groups")) {
            String key = group.get("key").asString();
            assertThat(key).endsWith("-01-01").isGreaterThan(previous);
            previous = key;
            Long year = jdbc.queryForObject("SELECT COUNT(*) FROM \"" + table() + "\" WHERE \"commune\" = 'Lille' AND "
                    + "\"places\" >= 100 AND \"ouverture\" >= ? AND \"ouverture\" < ?", Long.class,
                    LocalDate.parse(key), LocalDate.parse(key).plusYears(1));
            assertThat(group.get("value").asLong()).as("year %s", key).isEqualTo(year);
            sum += group.get("value").asLong();
        }
        assertThat(sum).isEqualTo(expected);
    }

    @Test
    void theTopGroupsComeFirstAndTheRestIsFolded() {
        JsonNode top = http.json(aggregate(published.id(), "groupBy=places&limit=3"));
        assertThat(top.get("groups")).hasSize(3);
        assertThat(top.get("others").get("groups").asLong()).isEqualTo(top.get("groupCount").asLong() - 3);
        long listed = 0;
        for (JsonNode group : top.get("groups")) {
            listed += group.get("rows").asLong();
        }
        assertThat(listed + top.get("others").get("rows").asLong()).isEqualTo(ROWS);
    }

    @Test
    void csvHasOneLinePerGroupUnderTheColumnsTitles() {
        HttpResponse<String> csv = aggregate(published.id(), "groupBy=commune&measure=" + encoded("avg(tarif)") + "&f=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("Commune,Moyenne de Tarif (€),Lignes");
        assertThat(lines).hasSize(1 + jdbc.queryForObject("SELECT COUNT(DISTINCT \"commune\") + 1 FROM \"" + table()
                + "\"", Integer.class));
    }

    @Test
    void badInputIsA400ProblemInFrench() {
        assertProblem(aggregate(published.id(), "groupBy=inconnue"), 400, "La colonne « inconnue » n'existe pas");
        assertProblem(aggregate(published.id(), "groupBy=commune&measure=" + encoded("sum(commune)")), 400,
                "Impossible de calculer « somme » sur la colonne « Commune »");
        assertProblem(aggregate(published.id(), "groupBy=commune&measure=median(places)"), 400, "Mesure « median(places) » incomprise");
        assertProblem(aggregate(published.id(), "groupBy=commune&measure=sum"), 400, "demande une colonne numérique");
        assertProblem(aggregate(published.id(), "groupBy=commune&filter=" + encoded("places >>> 3")), 400,
                "Erreur de syntaxe CQL2 ligne 1");
        assertProblem(aggregate(published.id(), "groupBy=commune&filter=" + encoded("nulle_part = 1")), 400, "nulle_part");
        assertProblem(aggregate(published.id(), "groupBy=commune&period=week"), 400, "Période « week » inconnue");
        assertProblem(aggregate(published.id(), "groupBy=commune&limit=100000"), 400, "entre 1 et 500");
        assertProblem(aggregate(published.id(), "groupBy=commune&limit=beaucoup"), 400, "entre 1 et 500");
        assertProblem(aggregate(published.id(), ""), 400, "groupBy");
        assertProblem(aggregate(published.id(), "groupBy=commune&f=xml"), 400, "Format « xml » inconnu");
    }

    @Test
    void aDatasetWithoutPublicRecordIsHiddenFromVisitors() {
        assertProblem(aggregate(unpublished.id(), "groupBy=commune"), 404, "Aucun jeu de données");
        HttpResponse<String> admin = http.get("/api/datasets/" + unpublished.id() + "/aggregate?groupBy=commune",
                HttpTestClient.ADMIN);
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(http.json(admin).get("rows").asLong()).isEqualTo(ROWS);
    }

    private void assertProblem(HttpResponse<String> response, int status, String fragment) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(http.json(response).get("detail").asString()).contains(fragment);
    }

    private static JsonNode find(JsonNode answer, @Nullable Object key) {
        for (JsonNode group : answer.get("groups")) {
            if (key == null ? group.get("key").isNull() : key.toString().equals(group.get("key").asString())) {
                return group;
            }
        }
        throw new AssertionError("group " + key + " missing from " + answer);
    }
}
