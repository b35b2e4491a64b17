package fr.mel.opale.web.dataset;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.testing.OnPostgis;
import fr.mel.opale.web.PageSession;
import fr.mel.opale.web.WebTestApplication;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test (the name keeps it out of {@code mvn verify}; command in {@code bench/README.md}): for each tab of the
 * dataset page of a 100 000-row dataset on PostGIS, the server time of the page (median and 90th percentile of
 * {@code bench.rounds} requests after warm-up), as a ratio to the OGC API's own page of 50 items measured in the same
 * run, and the JavaScript a first visit of that tab downloads (the loader, the tab's module and what it imports,
 * MapLibre's worker on the map), in brotli and gzip bytes, from Vite's manifest.
 */
@OnPostgis
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatasetPagesBenchmark {
    private static final Pattern MODULE = Pattern.compile("data-module=\"([a-z]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    Datasets datasets;
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;

    @Test
    void tabs() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 40);
        DatasetPageData data = new DatasetPageData(datasets, catalog, policy, 100_000);
        PageSession client = new PageSession(port);
        String base = "/catalogue/" + data.recordId;
        JsonNode manifest;
        try (InputStream in = new ClassPathResource("static/assets/manifest.json").getInputStream()) {
            manifest = JsonMapper.builder().build().readTree(in);
        }
        String reference = "/ogcapi/collections/" + data.dataset.slug() + "/items?f=json&limit=50";
        double[] ref = time(client, reference, rounds);
        System.out.printf("%-34s %9s %9s %7s %10s %10s%n", "page", "p50 ms", "p90 ms", "ratio", "JS br B", "JS gzip B");
        System.out.printf("%-34s %9.1f %9.1f %7s%n", "reference: OGC items, 50 rows", ref[0], ref[1], "1.00");
        for (String tab : List.of("", "/tableau", "/tableau?tri=-population", "/tableau?f.population=%3E+50000&f.commune=lille",
                "/carte", "/graphique", "/graphique?groupe=ouverture&periode=month&mesure=sum(population)", "/api",
                "/telechargements")) {
            double[] t = time(client, base + tab, rounds);
            long[] js = javascript(manifest, client.get(base + tab).body());
            System.out.printf("%-34s %9.1f %9.1f %7.2f %10d %10d%n", tab.isEmpty() ? "/ (présentation)" : tab, t[0], t[1],
                    t[0] / ref[0], js[0], js[1]);
        }
    }

    private static double[] time(PageSession client, String path, int rounds) throws Exception {
        for (int i = 0; i < 10; i++) {
            client.get(path);
        }
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            int status = client.get(path).statusCode();
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (status != 200) {
                throw new IllegalStateException(path + " answered " + status);
            }
        }
        Arrays.sort(millis);
        return new double[] {millis[rounds / 2], millis[(int) (rounds * 0.9)]};
    }

    /** Brotli and gzip bytes of the loader, the tab's module and its imports (and MapLibre's worker). */
    private static long[] javascript(JsonNode manifest, String page) throws IOException {
        Set<String> files = new LinkedHashSet<>();
        files.add(manifest.get("fiche.js").get("file").asString());
        Matcher module = MODULE.matcher(page);
        List<String> pending = new ArrayList<>();
        while (module.find()) {
            pending.add(module.group(1) + ".js");
        }
        while (!pending.isEmpty()) {
            JsonNode chunk = manifest.get(pending.remove(0));
            files.add(chunk.get("file").asString());
            if (chunk.has("imports")) {
                chunk.get("imports").forEach(i -> pending.add(i.asString()));
            }
            if (chunk.has("assets")) {
                chunk.get("assets").forEach(a -> {
                    if (a.asString().endsWith(".mjs") || a.asString().endsWith(".js")) {
                        files.add(a.asString());
                    }
                });
            }
        }
        long br = 0;
        long gz = 0;
        for (String file : files) {
            br += new ClassPathResource("static/" + file + ".br").contentLength();
            gz += new ClassPathResource("static/" + file + ".gz").contentLength();
        }
        return new long[] {br, gz};
    }
}
