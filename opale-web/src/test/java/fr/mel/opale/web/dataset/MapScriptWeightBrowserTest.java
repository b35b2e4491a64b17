package fr.mel.opale.web.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.testing.OnH2;
import fr.mel.opale.web.HeadlessChromium;
import fr.mel.opale.web.WebTestApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the dataset page makes a browser download in JavaScript, measured on the real pages in headless Chromium: the
 * script resources each page fetched (the browser's resource timing), then each weighed as the server sends it
 * compressed — brotli, what browsers get over HTTPS (Chromium asks no brotli of a plain-HTTP test server) — and
 * gzip. The presentation (first load) stays under 300 kB and fetches no MapLibre nor ECharts; the map tab's figure is
 * printed.
 */
@OnH2
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapScriptWeightBrowserTest {
    private static final long FIRST_LOAD_BUDGET = 300_000;
    private static final String SCRIPTS = "return performance.getEntriesByType('resource').map(e => e.name)"
            + ".filter(n => /\\.m?js(\\?|$)/.test(n));";

    @LocalServerPort
    int port;
    @Autowired
    Datasets datasets;
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;

    private DatasetPageData data;
    private HeadlessChromium chromium;

    @BeforeAll
    void publish() {
        data = new DatasetPageData(datasets, catalog, policy, 300);
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void thePresentationLoadsLittleScriptAndTheMapTabsWeightIsMeasured() throws Exception {
        chromium = HeadlessChromium.startWithWebGl(port);
        ChromeDriver browser = chromium.driver();
        chromium.open("/catalogue/" + data.recordId);
        List<String> first = scripts();
        long firstBrotli = weigh(first, "br");
        System.out.printf("Présentation (premier chargement) : %d scripts, %,d octets brotli, %,d octets gzip%n",
                first.size(), firstBrotli, weigh(first, "gzip"));
        assertThat(first).noneMatch(name -> name.contains("maplibre") || name.contains("graphique"));
        assertThat(firstBrotli).isPositive().isLessThan(FIRST_LOAD_BUDGET);

        chromium.open("/catalogue/" + data.recordId + "/carte");
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> "tuiles".equals(
                d.findElement(By.cssSelector("[data-dataset-map]")).getAttribute("data-carte-chargee")));
        List<String> map = scripts();
        long mapBrotli = weigh(map, "br");
        System.out.printf("Onglet Carte : %d scripts (%s), %,d octets brotli, %,d octets gzip%n", map.size(),
                map.stream().map(n -> n.substring(n.lastIndexOf('/') + 1)).toList(), mapBrotli, weigh(map, "gzip"));
        assertThat(map).anyMatch(name -> name.contains("maplibre-gl-worker"));
        assertThat(mapBrotli).isGreaterThan(firstBrotli);
    }

    /** The scripts this page fetched (its own, the modules it imported, MapLibre's worker), each once. */
    @SuppressWarnings("unchecked")
    private List<String> scripts() {
        return ((List<String>) chromium.script(SCRIPTS)).stream().distinct().toList();
    }

    /** The bytes the server sends for {@code urls} with {@code encoding} (all must come compressed that way). */
    private static long weigh(List<String> urls, String encoding) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long total = 0;
        for (String url : urls) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Accept-Encoding", encoding).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Encoding")).as(url).hasValue(encoding);
            total += response.body().length;
        }
        return total;
    }
}
