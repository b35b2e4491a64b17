package fr.mel.opale.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.testing.ExternalTools;
import fr.mel.opale.testing.OnH2;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Real OGC clients against a real server: GDAL's OAPIF driver ({@code ogrinfo}, {@code ogr2ogr};
 * Debian {@code gdal-bin}) and OWSLib (Debian {@code python3-owslib}, run by {@code /usr/bin/python3}) list
 * collections, read schemas and page through every item of a geographic and a non-geographic collection. Skipped
 * with a message when a tool is missing, failing instead when {@code OPALE_REQUIRE_OGC_CLIENTS=true} (CI): see
 * {@link ExternalTools}.
 */
@OnH2
@SpringBootTest(classes = OgcApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "opale.ogcapi.default-limit=40")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OgcClientsTest {
    @LocalServerPort
    int port;
    @Autowired
    Datasets datasets;
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;
    TestCollections data;

    @BeforeAll
    void load() {
        data = new TestCollections(datasets, catalog, policy);
    }

    private String service() {
        return "OAPIF:http://127.0.0.1:" + port + "/ogcapi";
    }

    private record Run(int exit, String output) {
    }

    private static Run run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("délai dépassé : " + command);
        }
        return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }

    @Test
    void ogrinfoListsCollectionsReadsTheSchemaAndPagesThroughEveryFeature() throws Exception {
        ExternalTools.requireGdal();
        Run summary = run(List.of("/usr/bin/ogrinfo", "-ro", "-so", service(), data.geo.slug()));
        assertThat(summary.exit()).as(summary.output()).isZero();
        assertThat(summary.output()).contains("Geometry: Point", "Feature Count: " + TestCollections.GEO_ROWS,
                "nom: String", "code: Integer");
        Run layers = run(List.of("/usr/bin/ogrinfo", "-ro", "-q", service()));
        assertThat(layers.output()).contains(data.geo.slug(), data.table.slug()).doesNotContain(data.hidden.slug());
        for (var expected : List.of(new Object[] {data.geo.slug(), TestCollections.GEO_ROWS},
                new Object[] {data.table.slug(), TestCollections.TABLE_ROWS})) {
            Run all = run(List.of("/usr/bin/ogrinfo", "-ro", "-al", "-q", service(), (String) expected[0]));
            assertThat(all.exit()).as(all.output()).isZero();
            assertThat(count(all.output(), "OGRFeature(")).as(expected[0] + "\n" + all.output())
                    .isEqualTo((int) expected[1]);
        }
    }

    @Test
    void ogr2ogrExportsEveryFeatureToGeoJson(@TempDir Path dir) throws Exception {
        ExternalTools.requireGdal();
        Path out = dir.resolve("communes.geojson");
        Run export = run(List.of("/usr/bin/ogr2ogr", "-f", "GeoJSON", out.toString(), service(), data.geo.slug()));
        assertThat(export.exit()).as(export.output()).isZero();
        JsonNode geojson = JsonMapper.builder().build().readTree(Files.readString(out));
        assertThat(geojson.get("features").size()).isEqualTo(TestCollections.GEO_ROWS);
        assertThat(geojson.get("features").get(0).get("properties").get("nom").asString()).isEqualTo("Lille");
    }

    @Test
    void owslibListsCollectionsQueryablesAndItems(@TempDir Path dir) throws Exception {
        ExternalTools.requireOwslib("owslib.ogcapi.features");
        Path script = dir.resolve("client.py");
        Files.writeString(script, """
                import sys
                from owslib.ogcapi.features import Features
                api = Features(sys.argv[1])
                ids = [c['id'] for c in api.collections()['collections']]
                for name in sys.argv[2:]:
                    assert name in ids, (name, ids)
                    queryables = api.collection_queryables(name)
                    page = api.collection_items(name, limit=7)
                    print(name, len(page['features']), page['numberMatched'],
                          ','.join(sorted(queryables['properties'].keys())))
                """);
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", script.toString(),
                "http://127.0.0.1:" + port + "/ogcapi", data.geo.slug(), data.table.slug()));
        Run run = run(command);
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains(data.geo.slug() + " 7 " + TestCollections.GEO_ROWS
                        + " code,date_maj,geometry,nom,ouvert,population,releve,surface",
                data.table.slug() + " 7 " + TestCollections.TABLE_ROWS + " annee,libelle,montant");
    }
    @Test
    void owslibRecordsReadsTheCatalog(@TempDir Path dir) throws Exception {
        ExternalTools.requireOwslib("owslib.ogcapi.records");
        Path script = dir.resolve("records.py");
        Files.writeString(script, """
                import sys
                from owslib.ogcapi.records import Records
                api = Records(sys.argv[1])
                record_id = sys.argv[2]
                assert 'catalog' in api.records(), api.records()
                assert api.collection('catalog')['itemType'] == 'record'
                page = api.collection_items('catalog', ids=record_id, limit=5)
                one = api.collection_item('catalog', record_id)
                related = [l['href'] for l in one['links'] if l['rel'] == 'related']
                boxed = api.collection_items('catalog', bbox=[2.9, 50.5, 3.3, 50.8], q=sys.argv[3], limit=5)
                print(page['numberMatched'], page['features'][0]['properties']['title'], '|',
                      one['properties']['type'], related[0].rsplit('/', 1)[-1].split('?')[0], boxed['numberMatched'])
                """);
        String recordId = data.geo.recordId();
        String title = catalog.find(recordId).orElseThrow().record().title().text();
        Run run = run(List.of("/usr/bin/python3", script.toString(), "http://127.0.0.1:" + port + "/ogcapi",
                recordId, title));
        assertThat(run.exit()).as(run.output()).isZero();
        // the test records have no box: a bbox search finds none of them
        assertThat(run.output().strip()).isEqualTo("1 " + title + " | dataset " + data.geo.slug() + " 0");
    }
}
