package fr.mel.opale.ogcapi.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.ogcapi.OgcApiTestApplication;
import fr.mel.opale.ogcapi.filter.Cql2Places.Place;
import fr.mel.opale.ogcapi.filter.cql2.Cql2Json;
import fr.mel.opale.ogcapi.filter.cql2.Cql2Text;
import fr.mel.opale.testing.HttpTestClient;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Declare only what is tested, test all that is declared: one table of {@link Cql2ConformanceTables} per CQL2
 * conformance class of {@code /conformance}, each row run over HTTP in both encodings against {@link Cql2Places},
 * its rows compared with the places the row's Java predicate selects. Run on H2 and on PostGIS by the subclasses.
 */
@SpringBootTest(classes = OgcApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class Cql2ConformanceContract {
    private static final Pattern KEBAB = Pattern.compile("-(\\w)");
    private static final String TABLES = "fr.mel.opale.ogcapi.filter.Cql2ConformanceTables#";

    @LocalServerPort
    int port;
    @Autowired
    Datasets datasets;
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;
    HttpTestClient http;
    String places;

    @BeforeAll
    void load() {
        http = new HttpTestClient(port);
        places = Cql2Places.load(datasets, catalog, policy).slug();
    }

    @Test
    void everyDeclaredCql2ClassHasItsTableAndEveryTableIsDeclared() {
        List<String> declared = new ArrayList<>();
        JsonNode conformance = http.json(http.get("/ogcapi/conformance"));
        conformance.get("conformsTo").forEach(c -> {
            if (c.asString().startsWith(Cql2ConformanceTables.CONF)) {
                declared.add(c.asString().substring(Cql2ConformanceTables.CONF.length()));
            }
        });
        List<String> tables = new ArrayList<>(List.of("cql2-text", "cql2-json")); // every table runs both encodings
        tables.addAll(Cql2ConformanceTables.CLASSES);
        for (String conformanceClass : Cql2ConformanceTables.CLASSES) {
            String method = KEBAB.matcher(conformanceClass).replaceAll(m -> m.group(1).toUpperCase(Locale.ROOT));
            assertThatCode(() -> Cql2ConformanceTables.class.getDeclaredMethod(method)).as(method).doesNotThrowAnyException();
            assertThatCode(() -> Cql2ConformanceContract.class.getDeclaredMethod(method, String.class, String.class,
                    Predicate.class)).as(method).doesNotThrowAnyException();
        }
        assertThat(new TreeSet<>(declared)).isEqualTo(new TreeSet<>(tables));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLES + "basicCql2")
    void basicCql2(String text, @Nullable String json, Predicate<Place> expected) {
        check(text, json, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLES + "advancedComparisonOperators")
    void advancedComparisonOperators(String text, @Nullable String json, Predicate<Place> expected) {
        check(text, json, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLES + "caseInsensitiveComparison")
    void caseInsensitiveComparison(String text, @Nullable String json, Predicate<Place> expected) {
        check(text, json, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLES + "accentInsensitiveComparison")
    void accentInsensitiveComparison(String text, @Nullable String json, Predicate<Place> expected) {
        check(text, json, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLES + "basicSpatialFunctions")
    void basicSpatialFunctions(String text, @Nullable String json, Predicate<Place> expected) {
        check(text, json, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLES + "basicSpatialFunctionsPlus")
    void basicSpatialFunctionsPlus(String text, @Nullable String json, Predicate<Place> expected) {
        check(text, json, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLES + "spatialFunctions")
    void spatialFunctions(String text, @Nullable String json, Predicate<Place> expected) {
        check(text, json, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource(TABLES + "temporalFunctions")
    void temporalFunctions(String text, @Nullable String json, Predicate<Place> expected) {
        check(text, json, expected);
    }

    @Test
    void everyTemporalRelationSelectsSomePlaceIntervalToInterval() {
        for (String relation : Cql2ConformanceTables.RELATIONS) {
            assertThat(Cql2Places.ids(p -> Cql2ConformanceTables.allen(relation, p.start(), p.end(),
                    Cql2Places.PERIOD_START, Cql2Places.PERIOD_END))).as(relation).isNotEmpty();
        }
    }

    @Test
    void theBboxParameterMayCrossTheAntimeridian() {
        assertThat(selected("bbox=179,-20,-179,-10")).containsExactly(8L, 9L);
        assertThat(selected("bbox=179,-90,0.5,90"))
                .isEqualTo(Cql2Places.ids(p -> p.geom() != null && (p.geom().getEnvelopeInternal().getMinX() >= 179
                        || p.geom().getEnvelopeInternal().getMaxX() <= 0.5)));
        assertThat(selected("bbox=" + q("-20,179,-10,-179") + "&bbox-crs=" + q("http://www.opengis.net/def/crs/EPSG/0/4326")))
                .as("EPSG:4326, latitude first").containsExactly(8L, 9L);
        HttpResponse<String> bad = http.get("/ogcapi/collections/" + places + "/items?bbox=179,-10,-179,-20");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("sud");
    }

    /** Same AST from both encodings; the text (and the JSON) select exactly the expected places. */
    private void check(String text, @Nullable String json, Predicate<Place> expected) {
        List<Long> ids = Cql2Places.ids(expected);
        if (json != null) {
            Filter fromText = Cql2Text.parse(text, UnaryOperator.identity());
            assertThat(Cql2Json.parse(json, UnaryOperator.identity())).as(json).isEqualTo(fromText);
            assertThat(selected("filter-lang=cql2-json&filter=" + q(json))).as(json).isEqualTo(ids);
        }
        assertThat(selected("filter=" + q(text))).as(text).isEqualTo(ids);
    }

    private List<Long> selected(String query) {
        String path = "/ogcapi/collections/" + places + "/items?limit=1000&properties=name&" + query;
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        http.json(response).get("features").forEach(f -> ids.add(f.get("id").asLong()));
        return ids;
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
