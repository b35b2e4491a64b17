package fr.mel.opale.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Load benchmark: many concurrent clients on a running Opale (loopback only), a mix of what visitors and map
 * clients ask — catalogue and record pages, search, items pages, bbox pages, vector tiles and downloads — for a
 * bounded time. Prints per kind of request the count, errors and p50/p95/p99/max latency, and the server's peak
 * resident memory; exits 1 when any request failed (an HTTP status ≥ 400, a timeout or a broken connection).
 *
 * <p>Set-up, when the server does not hold them yet: a CSV of {@code bench.rows} points around Lille published
 * through {@code POST /api/ingest} (the real ingestion path), and {@code bench.records} ISO 19139 records imported
 * as ZIP archives through {@code POST /api/records/import}. Only the JDK is used, so that the client's own cost is
 * small and it runs from {@code bench/target/classes} alone. {@code bench/load.sh} starts the server on PostGIS and
 * runs this class; see bench/README.md.
 *
 * <p>System properties: {@code bench.url} (http://127.0.0.1:8080), {@code bench.user}/{@code bench.password}
 * (admin), {@code bench.rows} (1000000), {@code bench.records} (10000), {@code bench.clients} (200),
 * {@code bench.seconds} (60), {@code bench.warmup} (15 s), {@code bench.pid} (the server's process id, for its
 * memory), {@code bench.collection} (a collection already published: no import).
 */
public final class LoadBench {
    /** The kinds of request, with their share of the mix (weights out of 100). */
    enum Kind {
        CATALOGUE_PAGE(15), RECORD_PAGE(15), SEARCH(15), ITEMS(15), BBOX(15), TILE(20), DOWNLOAD(5);

        final int weight;

        Kind(int weight) {
            this.weight = weight;
        }
    }

    private static final String DATASET_NAME = "Points de charge";
    private static final String RECORD_PREFIX = "opale-load-";
    private static final List<String> WORDS = List.of("arbres", "voirie", "vélo", "stationnement", "déchets",
            "eau", "bruit", "énergie", "logement", "écoles", "culture", "métro", "bus", "tramway", "population",
            "emploi", "urbanisme", "cadastre", "inondation", "patrimoine");
    private static final Pattern JOB_ID = Pattern.compile("\"jobId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([a-zA-Z]+)\"");
    private static final Pattern COLLECTION_ID = Pattern.compile("\"collectionId\"\\s*:\\s*\"([^\"]+)\"");
    // Lille's centre, where the points are denser: what a map client pans over.
    private static final double WEST = 2.95;
    private static final double EAST = 3.20;
    private static final double SOUTH = 50.55;
    private static final double NORTH = 50.75;

    private final String base;
    private final String authorization;
    private final HttpClient http;

    private LoadBench(String base, String user, String password) {
        this.base = base;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        // One client, HTTP/1.1: each client thread holds its own connection from the pool, as browsers and map
        // clients do; no HTTP/2 multiplexing that would hide connection handling.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public static void main(String[] args) throws Exception {
        LoadBench bench = new LoadBench(System.getProperty("bench.url", "http://127.0.0.1:8080"),
                System.getProperty("bench.user", "admin"), System.getProperty("bench.password", "admin"));
        long rows = Long.getLong("bench.rows", 1_000_000);
        int records = Integer.getInteger("bench.records", 10_000);
        int clients = Integer.getInteger("bench.clients", 200);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int warmup = Integer.getInteger("bench.warmup", 15);
        long pid = Long.getLong("bench.pid", -1);

        String collection = bench.dataset(rows);
        bench.records(records);
        System.out.printf(Locale.ROOT, "dataset %s (%,d rows), %,d records; warm-up %d s with %d clients%n",
                collection, rows, records, warmup, Math.min(clients, 20));
        bench.run(collection, records, Math.min(clients, 20), warmup, -1);
        Result result = bench.run(collection, records, clients, seconds, pid);
        result.print(clients, seconds);
        if (result.errorCount() > 0) {
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------- set-up

    /** The load dataset's collection id: {@code bench.collection}, else published now through the ingestion API. */
    private String dataset(long rows) throws IOException, InterruptedException {
        String given = System.getProperty("bench.collection");
        if (given != null) {
            return given;
        }
        Path csv = Files.createTempFile("opale-load", ".csv");
        try {
            long start = System.nanoTime();
            writeCsv(csv, rows);
            System.out.printf(Locale.ROOT, "CSV of %,d rows written (%,d bytes) in %.1f s; publishing...%n", rows,
                    Files.size(csv), (System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            String boundary = "opale-load-" + System.nanoTime();
            String options = "{\"title\":\"" + DATASET_NAME + "\"}";
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + "points-de-charge.csv\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            HttpRequest upload = HttpRequest.newBuilder(URI.create(base + "/api/ingest?options=" + encode(options)))
                    .header("Authorization", authorization)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                            HttpRequest.BodyPublishers.ofFile(csv), HttpRequest.BodyPublishers.ofByteArray(tail)))
                    .build();
            HttpResponse<String> accepted = send(upload);
            expect(accepted, 202, "import");
            Matcher id = JOB_ID.matcher(accepted.body());
            if (!id.find()) {
                throw new IllegalStateException("no job id in " + accepted.body());
            }
            String job = awaitJob(id.group(1));
            Matcher dataset = COLLECTION_ID.matcher(job);
            if (!dataset.find()) {
                throw new IllegalStateException("no dataset in " + job);
            }
            System.out.printf(Locale.ROOT, "published in %.1f s%n", (System.nanoTime() - start) / 1e9);
            return dataset.group(1);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private String awaitJob(String id) throws IOException, InterruptedException {
        while (true) {
            HttpResponse<String> job = send(authorized(get("/api/ingest/jobs/" + id)));
            expect(job, 200, "job");
            Matcher status = STATUS.matcher(job.body());
            String now = status.find() ? status.group(1).toUpperCase(Locale.ROOT) : "RUNNING";
            if (!now.equals("QUEUED") && !now.equals("RUNNING")) {
                if (!now.equals("SUCCEEDED")) {
                    throw new IllegalStateException("import " + now + ": " + job.body());
                }
                return job.body();
            }
            Thread.sleep(500);
        }
    }

    /** Points around Lille: an id, a name, a category, a measure, a date, longitude and latitude. */
    private static void writeCsv(Path csv, long rows) throws IOException {
        java.util.Random random = new java.util.Random(42);
        String[] categories = {"rapide", "normale", "lente", "hors service"};
        try (Writer out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("id,nom,categorie,puissance_kw,mise_en_service,longitude,latitude\n");
            LocalDate first = LocalDate.of(2015, 1, 1);
            StringBuilder line = new StringBuilder(96);
            for (long i = 1; i <= rows; i++) {
                line.setLength(0);
                line.append(i).append(",Borne ").append(i).append(',')
                        .append(categories[random.nextInt(categories.length)]).append(',')
                        .append(random.nextInt(3500) / 10.0).append(',')
                        .append(first.plusDays(random.nextInt(3650))).append(',')
                        .append(micro(WEST + random.nextDouble() * (EAST - WEST))).append(',')
                        .append(micro(SOUTH + random.nextDouble() * (NORTH - SOUTH))).append('\n');
                out.append(line);
            }
        }
    }

    /** A positive number with six decimals, without {@code String.format}'s cost (a million of them). */
    private static String micro(double value) {
        long micros = Math.round(value * 1_000_000);
        String fraction = Long.toString(1_000_000 + micros % 1_000_000).substring(1);
        return (micros / 1_000_000) + "." + fraction;
    }

    /** Imports the records missing from {@code opale-load-00001...}, 5 000 per archive (the import's bound is 10 000). */
    private void records(int count) throws IOException, InterruptedException {
        HttpResponse<String> last = send(authorized(get("/api/records/" + recordId(count))));
        if (last.statusCode() == 200) {
            return;
        }
        String template;
        try (InputStream in = LoadBench.class.getResourceAsStream("/load/record-19139.xml")) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        long start = System.nanoTime();
        for (int from = 1; from <= count; from += 5_000) {
            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(zip)) {
                for (int i = from; i < from + 5_000 && i <= count; i++) {
                    String word = WORDS.get(i % WORDS.size());
                    String xml = template.replace("{{id}}", recordId(i))
                            .replace("{{title}}", "Jeu de données " + i + " : " + word + " de la métropole")
                            .replace("{{abstract}}", "Données de test de charge sur " + word + ", numéro " + i + ".");
                    out.putNextEntry(new ZipEntry(recordId(i) + ".xml"));
                    out.write(xml.getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            HttpResponse<String> imported = send(HttpRequest.newBuilder(URI.create(base + "/api/records/import"))
                    .header("Authorization", authorization).header("Content-Type", "application/zip")
                    .timeout(Duration.ofMinutes(20))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(zip.toByteArray())).build());
            if (imported.statusCode() >= 300) {
                throw new IllegalStateException("records import: HTTP " + imported.statusCode() + " "
                        + imported.body());
            }
        }
        System.out.printf(Locale.ROOT, "%,d records imported in %.1f s%n", count, (System.nanoTime() - start) / 1e9);
    }

    private static String recordId(int i) {
        return RECORD_PREFIX + String.format(Locale.ROOT, "%05d", i);
    }

    // ---------------------------------------------------------------- the run

    private Result run(String collection, int records, int clients, int seconds, long pid)
            throws InterruptedException {
        Map<Kind, List<long[]>> latencies = new EnumMap<>(Kind.class);
        Map<Kind, AtomicLong> errors = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            latencies.put(kind, new ArrayList<>());
            errors.put(kind, new AtomicLong());
        }
        AtomicLong firstErrors = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            Thread client = new Thread(() -> {
                Map<Kind, long[]> mine = new EnumMap<>(Kind.class);
                Map<Kind, Integer> sizes = new EnumMap<>(Kind.class);
                for (Kind kind : Kind.values()) {
                    mine.put(kind, new long[1024]);
                    sizes.put(kind, 0);
                }
                try {
                    while (System.nanoTime() < end) {
                        Kind kind = pick();
                        HttpRequest request = request(kind, collection, records);
                        long start = System.nanoTime();
                        boolean failed;
                        String why = null;
                        try {
                            HttpResponse<InputStream> response = http.send(request,
                                    HttpResponse.BodyHandlers.ofInputStream());
                            try (InputStream body = response.body()) {
                                body.transferTo(java.io.OutputStream.nullOutputStream());
                            }
                            failed = response.statusCode() >= 400;
                            if (failed) {
                                why = "HTTP " + response.statusCode();
                            }
                        } catch (IOException e) {
                            failed = true;
                            why = e.toString();
                        }
                        long took = System.nanoTime() - start;
                        if (failed) {
                            errors.get(kind).incrementAndGet();
                            if (firstErrors.incrementAndGet() <= 10) {
                                System.out.println("error: " + request.uri() + " -> " + why);
                            }
                        }
                        int size = sizes.get(kind);
                        long[] values = mine.get(kind);
                        if (size == values.length) {
                            values = Arrays.copyOf(values, size * 2);
                            mine.put(kind, values);
                        }
                        values[size] = took;
                        sizes.put(kind, size + 1);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    synchronized (latencies) {
                        for (Kind kind : Kind.values()) {
                            latencies.get(kind).add(Arrays.copyOf(mine.get(kind), sizes.get(kind)));
                        }
                    }
                    done.countDown();
                }
            }, "load-client-" + c);
            client.setDaemon(true);
            client.start();
        }
        long peakRss = 0;
        while (!done.await(250, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            peakRss = Math.max(peakRss, rssKib(pid, "VmRSS"));
        }
        peakRss = Math.max(peakRss, rssKib(pid, "VmHWM"));
        if (pid > 0) {
            // Resident memory mixes the JVM's own (heap, metaspace, code, stacks) with pages of mapped files (the
            // search index, the JARs) that the kernel may drop at will: show both parts as they are at the end.
            System.out.printf(Locale.ROOT, "server resident now: anonymous %,d MiB, files %,d MiB%n",
                    rssKib(pid, "RssAnon") / 1024, rssKib(pid, "RssFile") / 1024);
        }
        return new Result(latencies, errors, peakRss);
    }

    private static Kind pick() {
        int roll = ThreadLocalRandom.current().nextInt(100);
        for (Kind kind : Kind.values()) {
            roll -= kind.weight;
            if (roll < 0) {
                return kind;
            }
        }
        throw new AssertionError("weights do not add up to 100");
    }

    /** One request of that kind, at a random place: pages, words, boxes and tiles vary as visitors' do. */
    private HttpRequest request(Kind kind, String collection, int records) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String items = "/ogcapi/collections/" + collection;
        String path = switch (kind) {
            case CATALOGUE_PAGE -> random.nextBoolean() ? "/catalogue?page=" + (1 + random.nextInt(50))
                    : "/catalogue?q=" + encode(WORDS.get(random.nextInt(WORDS.size())));
            case RECORD_PAGE -> "/catalogue/" + recordId(1 + random.nextInt(records));
            case SEARCH -> "/api/search?q=" + encode(WORDS.get(random.nextInt(WORDS.size())))
                    + (random.nextBoolean() ? "&page=" + (1 + random.nextInt(5)) : "");
            case ITEMS -> items + "/items?limit=100&offset=" + random.nextInt(990_000) + "&f=json";
            case BBOX -> items + "/items?limit=1000&f=json&bbox=" + box(random, 0.02);
            case TILE -> {
                int zoom = 10 + random.nextInt(6);
                int[] tile = tile(random, zoom);
                yield items + "/tiles/WebMercatorQuad/" + zoom + "/" + tile[1] + "/" + tile[0];
            }
            case DOWNLOAD -> items + "/download?format=" + (random.nextBoolean() ? "csv" : "geojson") + "&bbox="
                    + box(random, 0.004);
        };
        return get(path);
    }

    private static String box(ThreadLocalRandom random, double size) {
        double west = WEST + random.nextDouble() * (EAST - WEST - size);
        double south = SOUTH + random.nextDouble() * (NORTH - SOUTH - size);
        return String.format(Locale.ROOT, "%.5f,%.5f,%.5f,%.5f", west, south, west + size, south + size);
    }

    /** A WebMercatorQuad tile (column, row) over the dataset's area at that zoom. */
    private static int[] tile(ThreadLocalRandom random, int zoom) {
        double lon = WEST + random.nextDouble() * (EAST - WEST);
        double lat = SOUTH + random.nextDouble() * (NORTH - SOUTH);
        int n = 1 << zoom;
        int x = (int) Math.floor((lon + 180) / 360 * n);
        double radians = Math.toRadians(lat);
        int y = (int) Math.floor((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2 * n);
        return new int[] {x, y};
    }

    /** The process's resident memory in KiB ({@code VmRSS} now, {@code VmHWM} its peak), 0 when unknown. */
    private static long rssKib(long pid, String field) {
        if (pid <= 0) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    // ---------------------------------------------------------------- HTTP

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept-Encoding", "identity").GET().build();
    }

    private HttpRequest authorized(HttpRequest request) {
        return HttpRequest.newBuilder(request, (name, value) -> true).header("Authorization", authorization).build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " " + response.body());
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** What a run measured. */
    record Result(Map<Kind, List<long[]>> latencies, Map<Kind, AtomicLong> errors, long peakRssKib) {
        long errorCount() {
            return errors.values().stream().mapToLong(AtomicLong::get).sum();
        }

        void print(int clients, int seconds) {
            System.out.printf(Locale.ROOT, "%n%d clients, %d s%n%n", clients, seconds);
            System.out.println("| request | count | per s | errors | p50 ms | p95 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            long total = 0;
            for (Kind kind : Kind.values()) {
                long[] all = latencies.get(kind).stream().flatMapToLong(Arrays::stream).sorted().toArray();
                total += all.length;
                System.out.printf(Locale.ROOT, "| %s | %,d | %.1f | %d | %s | %s | %s | %s |%n",
                        kind.name().toLowerCase(Locale.ROOT).replace('_', ' '), all.length,
                        all.length / (double) seconds, errors.get(kind).get(), millis(all, 0.50),
                        millis(all, 0.95), millis(all, 0.99), millis(all, 1.0));
            }
            System.out.printf(Locale.ROOT, "%ntotal %,d requests (%.0f /s), %d errors; server peak RSS %s%n", total,
                    total / (double) seconds, errorCount(),
                    peakRssKib > 0 ? String.format(Locale.ROOT, "%,d MiB", peakRssKib / 1024) : "unknown");
        }

        private static String millis(long[] sorted, double quantile) {
            if (sorted.length == 0) {
                return "–";
            }
            int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
            return String.format(Locale.ROOT, "%.1f", sorted[Math.max(0, index)] / 1e6);
        }
    }
}
