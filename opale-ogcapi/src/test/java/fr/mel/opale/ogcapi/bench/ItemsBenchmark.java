package fr.mel.opale.ogcapi.bench;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.MembershipRole;
import fr.mel.opale.access.Protected;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.access.internal.PersonPrincipal;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.organisation.Organisations;
import fr.mel.opale.access.project.Projects;
import fr.mel.opale.access.testing.TestAccounts;
import fr.mel.opale.access.token.ApiTokens;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.DatasetSchema;
import fr.mel.opale.data.DatasetVersion;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.data.FeatureQuery;
import fr.mel.opale.data.Features;
import fr.mel.opale.data.GeometryInfo;
import fr.mel.opale.geo.GeometryType;
import fr.mel.opale.data.LoadOptions;
import fr.mel.opale.data.ReadResult;
import fr.mel.opale.data.Row;
import fr.mel.opale.data.RowSource;
import fr.mel.opale.ogcapi.OgcApiTestApplication;
import fr.mel.opale.ogcapi.core.CursorParameter;
import fr.mel.opale.ogcapi.core.GeoJsonWriter;
import fr.mel.opale.ogcapi.core.OgcCollections;
import fr.mel.opale.ogcapi.crs.SupportedCrs;
import fr.mel.opale.testing.OnPostgis;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The items throughput target: {@code items?limit=1000} of a 1 000 000-row PostGIS collection through the real HTTP endpoint
 * (Tomcat, access policy, query building, streamed GeoJSON, exact {@code numberMatched}) against the same page read
 * by plain JDBC and written as GeoJSON with {@code ST_AsGeoJSON} + Jackson in the same run, interleaved round by
 * round so both see the same machine load. Page 1 vs page 1 000 (by the keyset {@code cursor} our next links carry,
 * and by {@code offset}), and a CQL2 {@code S_INTERSECTS} polygon filter. Also against the same plain SQL page served
 * by a bare endpoint of the same server (isolates our code from the transport), with the time spent inside the
 * server, and the page read and written in process apart (where the per-feature time goes). Not a test (the class name keeps it out of
 * {@code mvn verify}); see {@code bench/README.md} for the command.
 */
@OnPostgis
@SpringBootTest(classes = OgcApiTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"opale.ogcapi.max-limit=10000", "logging.level.root=warn"})
@Import({ItemsBenchmark.EchoPage.class, ItemsBenchmark.SqlPage.class, ItemsBenchmark.FeaturesPage.class,
        ItemsBenchmark.ServerTimer.class})
class ItemsBenchmark {
    private static final int ROWS = Integer.getInteger("bench.rows", 1_000_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 60);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 15);
    private static final int JIT_WARMUP = Integer.getInteger("bench.jit-warmup", 1000);
    private static final int LIMIT = 1000;
    private static final String[] COMMUNES = {"Lille", "Roubaix", "Tourcoing", "Villeneuve-d'Ascq", "Marcq-en-Barœul",
            "Wattrelos", "Lambersart", "La Madeleine", "Lomme", "Hellemmes", "Mons-en-Barœul", "Croix"};
    /** A 2.1 km × 1.7 km box in the middle of the points (around Lille's centre): ~1.2 % of the rows. */
    private static final String POLYGON = "POLYGON((3.04 50.62, 3.07 50.62, 3.07 50.635, 3.04 50.635, 3.04 50.62))";
    /** ~4 % of the rows (0.05° × 0.03° of the 0.25° × 0.15° the points cover), as an OGC {@code bbox}. */
    private static final String BBOX = "3.0,50.62,3.05,50.65";
    /** Only the first table (pages vs plain SQL), for a quicker run: {@code -Dbench.pages-only=true}. */
    private static final boolean PAGES_ONLY = Boolean.getBoolean("bench.pages-only");
    /**
     * Only what the access policy adds to a public page (after the load and the JIT warm-up):
     * {@code -Dbench.policy-only=true}.
     */
    private static final boolean POLICY_ONLY = Boolean.getBoolean("bench.policy-only");
    private static final GeometryFactory JTS = new GeometryFactory();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Datasets datasets;
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;
    @Autowired
    DataSource dataSource;
    @Autowired
    Features features;
    @Autowired
    OgcCollections collections;
    @Autowired
    PersonStore people;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    Organisations organisations;
    @Autowired
    Projects projects;
    @Autowired
    ApiTokens tokens;

    @Test
    void itemsVersusPlainSql() throws Exception {
        String recordId = "rec-bench-" + UUID.randomUUID();
        Dataset dataset = policy.asPlatform(() -> {
            catalog.create(CatalogRecord.builder(recordId).title(LocalizedText.of("fr", "Banc items " + recordId))
                    .build(), Visibility.PUBLIC);
            return datasets.create("Banc items " + recordId.substring(10, 18), recordId);
        });
        DatasetSchema schema = DatasetSchema.of(List.of(Column.of("nom", ColumnType.TEXT),
                Column.of("code", ColumnType.INTEGER), Column.of("valeur", ColumnType.DECIMAL),
                Column.of("date_maj", ColumnType.DATE), Column.of("commune", ColumnType.TEXT),
                Column.of("ouvert", ColumnType.BOOLEAN)), GeometryInfo.wgs84(GeometryType.POINT));
        long loadStart = System.nanoTime();
        Random random = new Random(42);
        policy.asPlatform(() -> datasets.load(dataset.id(), schema, RowSource.of(LongStream.rangeClosed(1, ROWS)
                .mapToObj(i -> new Row(new Object[] {"Objet " + i + " " + COMMUNES[(int) (i % COMMUNES.length)],
                        i, BigDecimal.valueOf(random.nextInt(1_000_000), 2),
                        java.time.LocalDate.of(2020, 1, 1).plusDays(i % 1500), COMMUNES[random.nextInt(COMMUNES.length)],
                        random.nextBoolean()}, JTS.createPoint(new Coordinate(2.95 + random.nextDouble() * 0.25,
                        50.55 + random.nextDouble() * 0.15))))), LoadOptions.defaults().withExpectedRows(ROWS)));
        System.out.printf(Locale.ROOT, "%nLoaded %,d rows in %.1f s%n", ROWS, (System.nanoTime() - loadStart) / 1e9);
        DatasetVersion version = datasets.currentVersion(dataset.id()).orElseThrow();
        String items = "http://localhost:" + port + "/ogcapi/collections/" + dataset.slug() + "/items?limit=" + LIMIT;
        String filter = URLEncoder.encode("S_INTERSECTS(geometry, " + POLYGON + ")", StandardCharsets.UTF_8);

        // the cursor our next links carry, checked on page 1 (then built directly for page 1 000)
        String page1 = new String(get(items), StandardCharsets.UTF_8);
        String cursor1000 = CursorParameter.encode((long) LIMIT * 999, (long) LIMIT * 999);
        if (!page1.contains("cursor=" + CursorParameter.encode(LIMIT, LIMIT))) {
            throw new IllegalStateException("next link of page 1 is not the expected cursor: " + page1.substring(0,
                    Math.min(400, page1.length())));
        }
        // JIT warm-up of both paths first: otherwise the first case measures the compiler (75 ms vs 10 ms)
        // (the plain SQL endpoint too); 400 requests left the first case ~1.5 ms slower than when run again last
        SqlPage.version = version;
        for (int i = 0; i < JIT_WARMUP; i++) {
            long after = (long) LIMIT * (i % Math.max(1, Math.min(500, ROWS / LIMIT - 1)));
            get(items + "&cursor=" + CursorParameter.encode(after, after));
            sql(version, after, null);
            get("http://localhost:" + port + SqlPage.PATH + "?after=" + after);
        }
        System.out.printf(Locale.ROOT, "page 1 = %,d bytes; %d requests of JIT warm-up, then per case %d rounds after"
                + " %d warm-up rounds; HTTP and SQL interleaved%n%n", page1.length(), JIT_WARMUP, ROUNDS, WARMUP);
        if (POLICY_ONLY) {
            policyOverhead(dataset);
            return;
        }
        System.out.println("| case | HTTP p50 | HTTP p95 | HTTP pages/s | SQL p50 | SQL p95 | ratio p50 | ratio mean"
                + " | in server p50 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        compare("page 1", items, version, 0, null);
        compare("page 1 000 (cursor)", items + "&cursor=" + cursor1000, version, (long) LIMIT * 999, null);
        compare("page 1 000 (offset)", items + "&offset=" + (LIMIT * 999), version, -(long) LIMIT * 999, null);
        compare("S_INTERSECTS polygon, page 1", items + "&filter=" + filter, version, 0, POLYGON);
        // reference: geom && ST_MakeEnvelope(...) ORDER BY _fid LIMIT 1000 (what a GIS client's bbox page means)
        compare("bbox " + BBOX + ", page 1", items + "&bbox=" + BBOX, version, 0, "BBOX(" + BBOX + ")");
        long middle = Math.min(500_000, (long) ROWS / 2);
        compare("offset=" + middle + " vs SQL OFFSET", items + "&offset=" + middle, version, -middle, null);
        compare("offset=" + middle + " vs SQL by key", items + "&offset=" + middle, version, middle, null);
        if (PAGES_ONLY) {
            return;
        }
        // the floor of any HTTP answer of that size: page 1's bytes served from memory through the same server
        // (Tomcat, security filters, Spring MVC) and read by the same client, against the SQL reference of page 1
        EchoPage.body = page1.getBytes(StandardCharsets.UTF_8);
        compare("HTTP floor: page 1's bytes from memory", "http://localhost:" + port + EchoPage.PATH, version, 0,
                null);
        // the fairer reference: the same plain SQL page written by a bare endpoint of the same server, fetched by
        // the same client — HTTP page / this isolates our code from the transport
        System.out.println();
        System.out.println("| case, both over HTTP | ours p50 | ours p95 | ours pages/s | plain SQL endpoint p50 | plain SQL"
                + " endpoint p95 | ratio p50 | ratio mean | in server p50 (ours / plain) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        compareHttp("page 1 vs plain SQL served over HTTP", items,
                "http://localhost:" + port + SqlPage.PATH + "?after=0");
        compareHttp("page 1 000 (cursor) vs plain SQL over HTTP", items + "&cursor=" + cursor1000,
                "http://localhost:" + port + SqlPage.PATH + "?after=" + (long) LIMIT * 999);
        String sqlUrl = "http://localhost:" + port + SqlPage.PATH + "?after=0";
        compareHttp("AB: SQL over HTTP streamed vs whole page in memory first", sqlUrl, sqlUrl + "&mode=memory");
        compareHttp("AB: SQL over HTTP streamed vs 512 KiB Tomcat buffer", sqlUrl, sqlUrl + "&mode=tomcat");
        compareHttp("AB: SQL over HTTP streamed vs streamed", sqlUrl, sqlUrl);
        // in process, no HTTP: reading the page through Features (pgjdbc, WKB, the feature map) apart from writing
        System.out.println();
        System.out.println("| in process, page 1 | p50 | p95 |");
        System.out.println("|---|---|---|");
        FeatureQuery pageQuery = FeatureQuery.all().withLimit(LIMIT);
        JsonMapper fastDoubles = JsonMapper.builder().enable(tools.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
                .build();
        interleaved(new String[] {"plain SQL reference (query + ST_AsGeoJSON + Jackson)",
                "Features.read, sink discards", "Features.read, geometry only, sink discards",
                "Features.read + GeoJsonWriter to memory (JDK double writing)",
                "Features.read + GeoJsonWriter, geometry only (JDK double writing)",
                "Features.read + GeoJsonWriter, Jackson's fast double writer"}, new Work[] {
                () -> sql(version, 0, null),
                () -> features.read(dataset.id(), pageQuery, f -> { }),
                () -> features.read(dataset.id(), pageQuery.withProperties(List.of()), f -> { }),
                () -> writePage(json, dataset.id(), pageQuery),
                () -> writePage(json, dataset.id(), pageQuery.withProperties(List.of())),
                () -> writePage(fastDoubles, dataset.id(), pageQuery)});
        // where the HTTP time goes: the fixed cost of a request (resolve the collection through the policy and the
        // catalog, parse parameters, Tomcat, the client) against the cost per feature
        System.out.println();
        System.out.println("| HTTP only | p50 | p95 | in server p50 |");
        System.out.println("|---|---|---|---|");
        httpOnly("/collections/{id} (resolution, no rows)", items.substring(0, items.indexOf("/items")));
        httpOnly("items?limit=1", items.replace("limit=" + LIMIT, "limit=1"));
        httpOnly("items?limit=1000&properties= (geometry only)", items + "&properties=");
        httpOnly("items?limit=1000", items);
        // the first table's first case again, last: does the order (JIT still compiling) weigh on it?
        System.out.println();
        compare("page 1 again, after all the other cases", items, version, 0, null);
        // the artefact of the first table: the same request after a gap of the test thread's own work
        System.out.println();
        System.out.println("| items?limit=1, after between requests | p50 | p95 | in server p50 |");
        System.out.println("|---|---|---|---|");
        String one = items.replace("limit=" + LIMIT, "limit=1");
        httpAfter("nothing", one, () -> { });
        httpAfter("2 ms asleep", one, () -> Thread.sleep(2));
        httpAfter("2 ms spinning", one, () -> {
            long end = System.nanoTime() + 2_000_000;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        });
        httpAfter("in-process SQL page (other connection use)", one, () -> sql(version, 0, null));
        httpAfter("SELECT 1 on a pool connection", one, () -> {
            try (Connection c = dataSource.getConnection(); PreparedStatement st = c.prepareStatement("SELECT 1")) {
                st.executeQuery().close();
            }
        });
        // last, so that its tables do not come between those above
        policyOverhead(dataset);
    }

    /**
     * What the access policy adds to a public items page: the same page asked anonymously, with the bearer token of
     * a member of two organisations (editor of one; one of them in a project: the policy resolves those
     * memberships on each viewer it builds), and served by a bench-only endpoint that writes the same
     * FeatureCollection from {@code Features.read} without resolving the collection (no {@code OgcCollections}, no
     * parameters, no count) — interleaved round by round. Then in process: the policy's own work for one items
     * request (the viewer built and the visibility decided as often as an items request does) for each viewer, and
     * the collection resolution and the page read as each viewer.
     */
    private void policyOverhead(Dataset dataset) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long member = TestAccounts.ensure(people, encoder, "banc-membre-" + run, "secret-banc-" + run, false);
        String communeA = "banc-commune-a-" + run;
        String communeB = "banc-commune-b-" + run;
        policy.asPlatform(() -> {
            organisations.create(communeA, "Commune A " + run, null, null);
            organisations.create(communeB, "Commune B " + run, null, null);
            organisations.putMember(communeA, member, MembershipRole.EDITOR);
            organisations.putMember(communeB, member, MembershipRole.MEMBER);
            projects.create("banc-projet-" + run, "Projet " + run);
            projects.putOrganisation("banc-projet-" + run, communeB, MembershipRole.MEMBER);
            return null;
        });
        String bearer = "Bearer " + asPerson(member, () -> tokens.issue("Banc items " + run, 1)).secret();
        Viewer seen = asPerson(member, () -> policy.currentViewer());
        if (seen.organisations().size() != 2 || seen.projects().isEmpty()) {
            throw new IllegalStateException("the member's viewer lacks memberships: " + seen);
        }
        long rows = datasets.currentVersion(dataset.id()).orElseThrow().rowCount();
        System.out.println();
        System.out.println("| public page, same server, interleaved | p50 | p95 | mean | in server p50"
                + " | p50 × reference (last of its group) |");
        System.out.println("|---|---|---|---|---|---|");
        for (int limit : new int[] {1000, 10}) {
            String items = "http://localhost:" + port + "/ogcapi/collections/" + dataset.slug() + "/items?limit="
                    + limit;
            String bare = "http://localhost:" + port + FeaturesPage.PATH + "?dataset=" + dataset.id() + "&limit="
                    + limit + "&matched=" + rows;
            String anonymous = new String(get(items, null), StandardCharsets.UTF_8);
            String asMember = new String(get(items, bearer), StandardCharsets.UTF_8);
            String bareBody = new String(get(bare, null), StandardCharsets.UTF_8);
            String returned = "\"numberReturned\":" + limit;
            if (!anonymous.contains(returned) || !asMember.contains(returned) || !bareBody.contains(returned)) {
                throw new IllegalStateException("not the same page: " + anonymous.length() + " / " + asMember.length()
                        + " / " + bareBody.length() + " bytes");
            }
            System.out.printf(Locale.ROOT, "| (limit=%d: %,d / %,d / %,d bytes) | | | | | |%n", limit,
                    anonymous.length(), asMember.length(), bareBody.length());
            interleavedHttp(new String[] {"items?limit=" + limit + ", anonymous",
                    "items?limit=" + limit + ", member's bearer token",
                    "same page by a bare Features.read endpoint, member's bearer token",
                    "same page by a bare Features.read endpoint, anonymous (reference)"},
                    new String[] {items, items, bare, bare}, new String[] {null, bearer, bearer, null});
        }
        // what the bearer token's authentication costs alone (before any policy): an empty answer, with and without
        String empty = "http://localhost:" + port + EchoPage.EMPTY;
        interleavedHttp(new String[] {"empty answer, member's bearer token", "empty answer, anonymous (reference)"},
                new String[] {empty, empty}, new String[] {bearer, null});
        // the policy's own work per items request, read from the code: each Datasets.find / resolve builds the viewer
        // and decides visibility (resolution, the version described, the count's and the page's readable version),
        // each Datasets.scope builds the viewer again (the described version, the count, the page): 7 viewers, 4
        // decisions
        Protected publicRecord = new Protected(dataset.recordId(), null, Visibility.PUBLIC);
        Work policyWork = () -> {
            for (int i = 0; i < 1000; i++) {
                for (int v = 0; v < 7; v++) {
                    Viewer viewer = policy.currentViewer();
                    if (v < 4 && !policy.canRead(viewer, publicRecord)) {
                        throw new IllegalStateException("public record refused");
                    }
                }
            }
        };
        FeatureQuery page1000 = FeatureQuery.all().withLimit(1000);
        FeatureQuery page10 = FeatureQuery.all().withLimit(10);
        System.out.println();
        System.out.println("| in process, round-robin | p50 | p95 |");
        System.out.println("|---|---|---|");
        interleaved(new String[] {
                "policy work of 1 000 items requests (7 viewers, 4 decisions each), anonymous: ms = µs per request",
                "same, member of 2 organisations and a project: ms = µs per request",
                "collection resolution (OgcCollections.resolve), anonymous",
                "collection resolution (OgcCollections.resolve), member",
                "Features.read limit=10, sink discards, anonymous",
                "Features.read limit=10, sink discards, member",
                "Features.read limit=1000, sink discards, anonymous",
                "Features.read limit=1000, sink discards, member"}, new Work[] {
                policyWork,
                () -> asPerson(member, policyWork),
                () -> collections.resolve(dataset.slug()).orElseThrow(),
                () -> asPerson(member, () -> collections.resolve(dataset.slug()).orElseThrow()),
                () -> features.read(dataset.id(), page10, f -> { }),
                () -> asPerson(member, () -> features.read(dataset.id(), page10, f -> { })),
                () -> features.read(dataset.id(), page1000, f -> { }),
                () -> asPerson(member, () -> features.read(dataset.id(), page1000, f -> { }))});
    }

    /** {@code work} as the logged-in person {@code personId} (what a session or a token makes the current viewer). */
    private static <T> T asPerson(long personId, java.util.concurrent.Callable<T> work) throws Exception {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                new PersonPrincipal(personId, "p" + personId, "Personne " + personId), null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return work.call();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static void asPerson(long personId, Work work) throws Exception {
        asPerson(personId, () -> {
            work.run();
            return null;
        });
    }

    /** Several HTTP requests (each with its {@code Authorization}, or none) timed round-robin: the same load. */
    private void interleavedHttp(String[] labels, String[] urls, String[] authorizations) throws Exception {
        int rounds = ROUNDS * 3;
        for (int i = 0; i < Math.max(WARMUP, JIT_WARMUP / 3); i++) {
            for (int u = 0; u < urls.length; u++) {
                get(urls[u], authorizations[u]);
            }
        }
        double[][] times = new double[urls.length][rounds];
        double[][] server = new double[urls.length][rounds];
        for (int i = 0; i < rounds; i++) {
            for (int u = 0; u < urls.length; u++) {
                long start = System.nanoTime();
                get(urls[u], authorizations[u]);
                times[u][i] = (System.nanoTime() - start) / 1e6;
                server[u][i] = ServerTimer.lastMs;
            }
        }
        double reference = percentile(times[urls.length - 1], 50);
        for (int u = 0; u < urls.length; u++) {
            System.out.printf(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.3f |%n", labels[u],
                    percentile(times[u], 50), percentile(times[u], 95), Arrays.stream(times[u]).average().orElseThrow(),
                    percentile(server[u], 50), percentile(times[u], 50) / reference);
        }
    }

    interface Work {
        void run() throws Exception;
    }

    private void writePage(JsonMapper mapper, String datasetId, FeatureQuery query) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try (JsonGenerator g = mapper.createGenerator(out)) {
            GeoJsonWriter writer = new GeoJsonWriter(g, SupportedCrs.CRS84);
            g.writeStartArray();
            features.read(datasetId, query, f -> writer.feature(f, null));
            g.writeEndArray();
        }
    }

    /** Several in-process variants run round-robin, so that they see the same machine load. */
    private void interleaved(String[] labels, Work[] works) throws Exception {
        int rounds = ROUNDS * 5;
        double[][] times = new double[works.length][rounds];
        for (int i = 0; i < WARMUP * 4; i++) {
            for (Work work : works) {
                work.run();
            }
        }
        for (int i = 0; i < rounds; i++) {
            for (int w = 0; w < works.length; w++) {
                long start = System.nanoTime();
                works[w].run();
                times[w][i] = (System.nanoTime() - start) / 1e6;
            }
        }
        for (int w = 0; w < works.length; w++) {
            System.out.printf(Locale.ROOT, "| %s | %.3f ms | %.3f ms |%n", labels[w], percentile(times[w], 50),
                    percentile(times[w], 95));
        }
    }

    private void inProcess(String label, Work work) throws Exception {
        for (int i = 0; i < WARMUP * 4; i++) {
            work.run();
        }
        double[] times = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            work.run();
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        System.out.printf(Locale.ROOT, "| %s | %.2f ms | %.2f ms |%n", label, percentile(times, 50),
                percentile(times, 95));
    }

    /** Two HTTP URLs timed alternately; the second is the reference. */
    private void compareHttp(String label, String url, String reference) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            get(url);
            get(reference);
        }
        double[] http = new double[ROUNDS];
        double[] ref = new double[ROUNDS];
        double[] server = new double[ROUNDS];
        double[] refServer = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            get(url);
            http[i] = (System.nanoTime() - start) / 1e6;
            server[i] = ServerTimer.lastMs;
            start = System.nanoTime();
            get(reference);
            ref[i] = (System.nanoTime() - start) / 1e6;
            refServer[i] = ServerTimer.lastMs;
        }
        double httpMean = Arrays.stream(http).average().orElseThrow();
        double refMean = Arrays.stream(ref).average().orElseThrow();
        System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f | %.1f ms | %.1f ms | %.2f | %.2f | %.1f / %.1f ms"
                + " |%n", label, percentile(http, 50), percentile(http, 95), 1000 / httpMean, percentile(ref, 50),
                percentile(ref, 95), percentile(http, 50) / percentile(ref, 50), httpMean / refMean,
                percentile(server, 50), percentile(refServer, 50));
    }

    private void httpAfter(String label, String url, Work between) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            get(url);
            between.run();
        }
        double[] times = new double[ROUNDS];
        double[] server = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            get(url);
            times[i] = (System.nanoTime() - start) / 1e6;
            server[i] = ServerTimer.lastMs;
            between.run();
        }
        System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms |%n", label, percentile(times, 50),
                percentile(times, 95), percentile(server, 50));
    }

    private void httpOnly(String label, String url) throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            get(url);
        }
        double[] times = new double[ROUNDS];
        double[] server = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            get(url);
            times[i] = (System.nanoTime() - start) / 1e6;
            server[i] = ServerTimer.lastMs;
        }
        System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f ms |%n", label, percentile(times, 50),
                percentile(times, 95), percentile(server, 50));
    }

    /**
     * Times the HTTP page and the SQL reference alternately. {@code after} ≥ 0: keyset {@code _fid > after};
     * negative: {@code OFFSET -after}.
     */
    private void compare(String label, String url, DatasetVersion version, long after, String polygon)
            throws Exception {
        for (int i = 0; i < WARMUP; i++) {
            get(url);
            sql(version, after, polygon);
        }
        double[] http = new double[ROUNDS];
        double[] sql = new double[ROUNDS];
        double[] server = new double[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            get(url);
            http[i] = (System.nanoTime() - start) / 1e6;
            server[i] = ServerTimer.lastMs;
            start = System.nanoTime();
            sql(version, after, polygon);
            sql[i] = (System.nanoTime() - start) / 1e6;
        }
        double httpMean = Arrays.stream(http).average().orElseThrow();
        double sqlMean = Arrays.stream(sql).average().orElseThrow();
        System.out.printf(Locale.ROOT, "| %s | %.1f ms | %.1f ms | %.1f | %.1f ms | %.1f ms | %.2f | %.2f | %.1f ms |%n",
                label, percentile(http, 50), percentile(http, 95), 1000 / httpMean, percentile(sql, 50),
                percentile(sql, 95), percentile(http, 50) / percentile(sql, 50), httpMean / sqlMean,
                percentile(server, 50));
    }

    private byte[] get(String url) throws Exception {
        return get(url, null);
    }

    private byte[] get(String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " → " + response.statusCode() + " "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return response.body();
    }

    /** The same page by plain JDBC, written as a GeoJSON FeatureCollection (geometry by ST_AsGeoJSON). */
    private byte[] sql(DatasetVersion version, long after, String polygon) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        sqlPage(dataSource, json, version, after, polygon, out);
        return out.toByteArray();
    }

    static void sqlPage(DataSource dataSource, JsonMapper json, DatasetVersion version, long after, String polygon,
                        OutputStream out) throws Exception {
        boolean box = polygon != null && polygon.startsWith("BBOX(");
        String where = box ? "geom && ST_MakeEnvelope(" + polygon.substring(5, polygon.length() - 1) + ", 4326)"
                : polygon != null
                ? "geom && ST_GeomFromText(?, 4326) AND ST_Intersects(geom, ST_GeomFromText(?, 4326))"
                : after >= 0 ? "_fid > ?" : "TRUE";
        String sql = "SELECT _fid, nom, code, valeur, date_maj, commune, ouvert, ST_AsGeoJSON(geom) FROM "
                + version.tableName() + " WHERE " + where + " ORDER BY _fid LIMIT " + LIMIT
                + (after < 0 ? " OFFSET " + (-after) : "");
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            if (box) {
                // the box's numbers are in the SQL text
            } else if (polygon != null) {
                statement.setString(1, polygon);
                statement.setString(2, polygon);
            } else if (after >= 0) {
                statement.setLong(1, after);
            }
            try (ResultSet rows = statement.executeQuery(); JsonGenerator g = json.createGenerator(out)) {
                g.writeStartObject();
                g.writeStringProperty("type", "FeatureCollection");
                g.writeArrayPropertyStart("features");
                int n = 0;
                while (rows.next()) {
                    n++;
                    g.writeStartObject();
                    g.writeStringProperty("type", "Feature");
                    g.writeNumberProperty("id", rows.getLong(1));
                    g.writeName("geometry");
                    g.writeRawValue(rows.getString(8));
                    g.writeObjectPropertyStart("properties");
                    g.writeStringProperty("nom", rows.getString(2));
                    g.writeNumberProperty("code", rows.getLong(3));
                    g.writeNumberProperty("valeur", rows.getBigDecimal(4));
                    Date date = rows.getDate(5);
                    g.writeStringProperty("date_maj", date == null ? null : date.toLocalDate().toString());
                    g.writeStringProperty("commune", rows.getString(6));
                    g.writeBooleanProperty("ouvert", rows.getBoolean(7));
                    g.writeEndObject();
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeNumberProperty("numberReturned", n);
                g.writeEndObject();
            }
        }
    }

    /** Serves fixed bytes (page 1) from memory: what HTTP costs with no work behind it. Only in this context. */
    @RestController
    static class EchoPage {
        static final String PATH = "/ogcapi-bench/echo";
        static final String EMPTY = "/ogcapi-bench/empty";
        static volatile byte[] body = new byte[0];

        /** An empty 200: what a request costs before any work (filters, authentication, Spring MVC). */
        @GetMapping(EMPTY)
        void empty(HttpServletResponse response) {
            response.setContentType("application/json");
        }

        @GetMapping(PATH)
        void echo(HttpServletResponse response) throws IOException {
            response.setContentType("application/geo+json");
            response.getOutputStream().write(body);
        }
    }

    /** The plain SQL reference page written straight to the response by a bare endpoint. Only in this context. */
    @RestController
    static class SqlPage {
        static final String PATH = "/ogcapi-bench/sql";
        static volatile DatasetVersion version;
        private final DataSource dataSource;
        private final JsonMapper json = JsonMapper.builder().build();

        SqlPage(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @GetMapping(PATH)
        void page(@RequestParam long after, @RequestParam(defaultValue = "stream") String mode,
                  HttpServletResponse response) throws Exception {
            response.setContentType("application/geo+json");
            if (mode.equals("memory")) {
                ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
                sqlPage(dataSource, json, version, after, null, out);
                response.setContentLength(out.size());
                out.writeTo(response.getOutputStream());
                return;
            }
            if (mode.equals("tomcat")) {
                response.setBufferSize(512 * 1024);
            }
            sqlPage(dataSource, json, version, after, null, response.getOutputStream());
        }
    }

    /**
     * The same public page as {@code items?limit=N} (FeatureCollection, numberMatched, timeStamp, features by
     * {@link GeoJsonWriter} from {@code Features.read}, numberReturned, links) with none of the collection's
     * resolution: no {@code OgcCollections}, no parameters, the count given. {@code Features.read} still finds the
     * dataset and its scope through the policy. Only in this context.
     */
    @RestController
    static class FeaturesPage {
        static final String PATH = "/ogcapi-bench/features";
        private final Features features;
        private final JsonMapper json = JsonMapper.builder()
                .enable(tools.jackson.core.StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

        FeaturesPage(Features features) {
            this.features = features;
        }

        @GetMapping(PATH)
        void page(@RequestParam String dataset, @RequestParam int limit, @RequestParam long matched,
                  jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setHeader("Content-Crs", "<" + SupportedCrs.CRS84.uri + ">");
            response.setContentType("application/geo+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            try (JsonGenerator g = json.createGenerator(response.getOutputStream())) {
                g.writeStartObject();
                g.writeStringProperty("type", "FeatureCollection");
                g.writeNumberProperty("numberMatched", matched);
                g.writeStringProperty("timeStamp", java.time.Instant.now().toString());
                g.writeArrayPropertyStart("features");
                GeoJsonWriter writer = new GeoJsonWriter(g, SupportedCrs.CRS84);
                ReadResult result = features.read(dataset, FeatureQuery.all().withLimit(limit),
                        f -> writer.feature(f, null));
                g.writeEndArray();
                g.writeNumberProperty("numberReturned", result.returned());
                String self = request.getRequestURL() + "?" + request.getQueryString();
                g.writeArrayPropertyStart("links");
                for (String rel : new String[] {"self", "alternate", "next"}) {
                    g.writeStartObject();
                    g.writeStringProperty("href", self);
                    g.writeStringProperty("rel", rel);
                    g.writeStringProperty("type", "application/geo+json");
                    g.writeStringProperty("title", "Page");
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }
    }

    /**
     * Times each request inside the server, from the first filter to the end of the handler (the answer written
     * to Tomcat, not yet necessarily read by the client): client time minus this is transport and client.
     */
    @org.springframework.core.annotation.Order(Integer.MIN_VALUE)
    static class ServerTimer extends org.springframework.web.filter.OncePerRequestFilter {
        static volatile double lastMs;

        @Override
        protected void doFilterInternal(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
                                        jakarta.servlet.FilterChain chain)
                throws jakarta.servlet.ServletException, IOException {
            long start = System.nanoTime();
            try {
                chain.doFilter(request, response);
                response.flushBuffer();
            } finally {
                lastMs = (System.nanoTime() - start) / 1e6;
            }
        }
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
