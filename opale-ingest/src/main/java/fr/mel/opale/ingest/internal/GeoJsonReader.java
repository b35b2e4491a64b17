package fr.mel.opale.ingest.internal;

import fr.mel.opale.geo.crs.Crs;
import fr.mel.opale.geo.geojson.GeoJsonGeometryReader;
import fr.mel.opale.ingest.Analysis;
import fr.mel.opale.ingest.ColumnPlan;
import fr.mel.opale.ingest.GeometryPlan;
import fr.mel.opale.ingest.GeometrySource;
import fr.mel.opale.ingest.Limits;
import fr.mel.opale.ingest.ReadListener;
import fr.mel.opale.ingest.ReadOptions;
import fr.mel.opale.ingest.ReadPlan;
import fr.mel.opale.ingest.RowStream;
import fr.mel.opale.ingest.SourceFile;
import fr.mel.opale.ingest.SourceSettings;
import fr.mel.opale.ingest.TableReader;
import fr.mel.opale.ingest.UnreadableFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * GeoJSON (RFC 7946): a FeatureCollection streamed feature by feature with Jackson (one feature in memory at a
 * time), or a single Feature. Properties become columns, in order of first appearance, their names stripped of
 * BOMs; JSON numbers (exactly: a fraction is never read as a double) and booleans keep their type, strings may
 * become dates, nested objects are kept as JSON text.
 * Coordinates are WGS84 unless an old-style {@code crs} member names another EPSG code.
 *
 * <p>Also reads the JSON "records" responses of OpenDataSoft and geOrchestra data APIs ({@code {"records": [{…}]}}):
 * each record's members are its properties, and the geometry is guessed from them as for a CSV
 * ({@code geo_shape}, {@code geo_point_2d}…).
 */
public final class GeoJsonReader implements TableReader {
    /** Reads one feature at a time from a parser positioned inside the array: what follows is not "trailing". */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    /**
     * Properties' numbers as the file wrote them: a JSON number with a fraction read as a double would lose digits
     * ({@code 12345678901234.56789}). Coordinates, which become doubles anyway, are read by {@link #JSON}: faster.
     */
    private static final ObjectReader EXACT = JSON.reader().with(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Pattern EPSG = Pattern.compile("EPSG:{1,2}(?:[0-9.]*:)?(\\d+)$");

    @Override
    public String format() {
        return "geojson";
    }

    @Override
    public boolean accepts(byte[] head, SourceFile file) {
        if (FileSniffer.looksBinary(head)) {
            return false;
        }
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "").stripLeading();
        return text.startsWith("{") && (text.contains("\"Feature") || text.contains("\"records\"")
                || file.extension().equals("geojson"));
    }

    @Override
    public Analysis analyse(SourceFile file, ReadOptions options, ReadListener listener) {
        WarningLog log = new WarningLog(options.limits().maxWarningsPerCode());
        Profile profile = new Profile(options);
        try (Features features = new Features(file, new LinkedHashMap<>(), true, log)) {
            while (features.next()) {
                profile.observe(features);
                if (profile.rows % CsvReader.CHECK_EVERY == 0) {
                    CsvReader.checkpoint(listener, profile.rows);
                }
            }
            features.finish();
            listener.progress(profile.rows);
            return profile.analysis(features, log);
        }
    }

    /**
     * The first {@code guessRows} features guess the plan; the rows are then read with it while every feature is
     * analysed as {@link #analyse} does (see {@link fr.mel.opale.ingest.SpeculativeRead}): a property first met
     * later, a type a later value changes or a CRS declared after the features make the whole file's plan differ,
     * and the read ends with {@link fr.mel.opale.ingest.PlanRevised}. Null when the file has no more features.
     */
    @Override
    public fr.mel.opale.ingest.@Nullable SpeculativeRead speculate(SourceFile file, ReadOptions options,
                                                                    Limits limits, int guessRows,
                                                                    ReadListener listener) {
        ReadPlan guess;
        long expectedRows;
        try (Features features = new Features(file, new LinkedHashMap<>(), true, new WarningLog(1))) {
            Profile sample = new Profile(options);
            while (sample.rows < guessRows && features.next()) {
                sample.observe(features);
            }
            if (sample.rows < guessRows || !features.next()) {
                return null;
            }
            guess = sample.analysis(features, new WarningLog(1)).plan();
            long offset = features.byteOffset();
            expectedRows = offset <= 0 ? 0 : Files.size(file.path()) * sample.rows / offset;
        } catch (IOException e) {
            throw new UnreadableFile("read-error", "Lecture impossible de « " + file.name() + " » : "
                    + e.getMessage(), e);
        }
        WarningLog log = new WarningLog(limits.maxWarningsPerCode());
        Features features = new Features(file, new LinkedHashMap<>(), true, log);
        features.rowWarnings = true;
        Profile profile = new Profile(options);
        RecordSource observed = new RecordSource() {
            @Override
            public boolean next() {
                if (!features.next()) {
                    return false;
                }
                profile.observe(features);
                return true;
            }

            @Override
            public @Nullable Object cell(int source) {
                return features.cell(source);
            }

            @Override
            public long line() {
                return features.line();
            }

            @Override
            public @Nullable Geometry geometry() {
                return features.geometry();
            }

            @Override
            public void close() {
                features.close();
            }
        };
        return new SpeculativeFeatureRead(guess, expectedRows, observed, log, listener, analysisLog -> {
            // what analyse's log holds: the CRS warnings of the start, then those of the end, then its own
            analysisLog.addAll(log, java.util.Set.of("unknown-crs"));
            features.logTo(analysisLog);
            features.finish();
            return profile.analysis(features, analysisLog);
        }, options.limits().maxWarningsPerCode());
    }

    /** The analysis of the features seen, as {@link #analyse} makes it. */
    private final class Profile {
        private final ReadOptions options;
        private final List<ColumnStats> stats = new ArrayList<>();
        long rows;
        private long rejected;

        Profile(ReadOptions options) {
            this.options = options;
        }

        void observe(Features features) {
            rows++;
            while (stats.size() < features.labels.size()) {
                ColumnStats added = new ColumnStats(null, true);
                added.addMissing(rows - 1);
                stats.add(added);
            }
            if (stats.size() > options.limits().maxColumns()) {
                throw new UnreadableFile("too-many-columns", "Plus de " + options.limits().maxColumns()
                        + " propriétés différentes : refusé.");
            }
            for (int i = 0; i < stats.size(); i++) {
                stats.get(i).observe(features.cell(i), rows);
            }
            if (features.geometryError != null) {
                rejected++;
            }
        }

        Analysis analysis(Features features, WarningLog log) {
            if (rejected > 0) {
                log.add("geometry-rejected", rejected + " géométrie(s) illisible(s), la première à l'objet "
                        + features.firstGeometryErrorAt + " (" + features.firstGeometryError + ").");
            }
            int srid = options.sourceSrid() != null ? options.sourceSrid() : features.srid;
            SourceSettings settings = new SourceSettings(format(), "UTF-8", null, null, null, null, null, List.of(),
                    srid);
            List<String> labels = new ArrayList<>(features.labels.keySet());
            GeometryPlan geometry = features.records ? null : new GeometryPlan(GeometrySource.NATIVE, List.of(), srid);
            return AnalysisBuilder.build(settings, labels, stats, geometry, log, rows, options);
        }
    }

    @Override
    public RowStream open(SourceFile file, ReadPlan plan, Limits limits, ReadListener listener) {
        WarningLog log = new WarningLog(limits.maxWarningsPerCode());
        Map<String, Integer> known = new LinkedHashMap<>();
        for (ColumnPlan column : plan.columns()) {
            known.put(column.label(), column.source());
        }
        return new PlannedRows(new Features(file, known, false, log), plan, log, listener);
    }

    /** The features of a file, one at a time. */
    private static final class Features extends NumberedFeatures {
        private final SourceFile file;
        private final JsonParser parser;
        private final boolean grow;
        private WarningLog log;
        /** Whether each unreadable geometry is reported to the log, as a read pass does (the analysis counts them). */
        boolean rowWarnings;
        final Map<String, Integer> labels;
        private @Nullable JsonNode single;
        private boolean inFeatures;
        /** A "records" array of flat objects rather than features. */
        boolean records;
        int srid = Crs.WGS84;
        @Nullable String geometryError;
        @Nullable String firstGeometryError;
        long firstGeometryErrorAt;

        Features(SourceFile file, Map<String, Integer> labels, boolean grow, WarningLog log) {
            this.file = file;
            this.labels = labels;
            this.grow = grow;
            this.log = log;
            try {
                InputStream in = Files.newInputStream(file.path());
                this.parser = JSON.createParser(in);
                if (parser.nextToken() != JsonToken.START_OBJECT) {
                    throw invalid("un objet JSON est attendu au début");
                }
                String type = null;
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ((name.equals("features") || name.equals("records")) && value == JsonToken.START_ARRAY) {
                        inFeatures = true;
                        records = name.equals("records");
                        break;
                    }
                    if (name.equals("type") && value == JsonToken.VALUE_STRING) {
                        type = parser.getString();
                        if (type.equals("Feature")) {
                            break;
                        }
                    } else if (name.equals("crs")) {
                        srid = crs(JSON.readTree(parser));
                    } else {
                        parser.skipChildren();
                    }
                }
                if ("Feature".equals(type)) {
                    parser.close();
                    try (InputStream whole = Files.newInputStream(file.path())) {
                        single = EXACT.readTree(whole);
                    }
                } else if (!inFeatures) {
                    throw invalid("ni FeatureCollection avec « features », ni Feature");
                }
            } catch (IOException e) {
                throw new UnreadableFile("read-error", "Lecture impossible de « " + file.name() + " » : "
                        + e.getMessage(), e);
            } catch (JacksonException e) {
                throw invalid(e.getOriginalMessage());
            }
        }

        private UnreadableFile invalid(String why) {
            return new UnreadableFile("geojson-invalid", "GeoJSON illisible (« " + file.name() + " ») : " + why + ".");
        }

        @Override
        public boolean next() {
            JsonNode feature;
            try {
                if (single != null) {
                    feature = single;
                    single = null;
                    inFeatures = false;
                } else if (inFeatures) {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY) {
                        inFeatures = false;
                        return false;
                    }
                    if (token != JsonToken.START_OBJECT) {
                        throw invalid("objet Feature attendu, trouvé " + token);
                    }
                    feature = records ? EXACT.readTree(parser) : feature();
                } else {
                    return false;
                }
            } catch (JacksonException e) {
                throw invalid(e.getOriginalMessage() + " (objet " + (number() + 1) + ")");
            }
            read(feature, advance());
            return true;
        }

        /** The feature the parser is at, its properties read {@link #EXACT}ly, the rest as numbers go. */
        private ObjectNode feature() {
            ObjectNode feature = JSON.createObjectNode();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                feature.set(name, name.equals("properties") ? EXACT.readTree(parser) : JSON.readTree(parser));
            }
            return feature;
        }

        private void read(JsonNode feature, long number) {
            Object[] row = new Object[Math.max(labels.size(), width())];
            JsonNode properties = records ? feature : feature.get("properties");
            if (properties != null && properties.isObject()) {
                for (Map.Entry<String, JsonNode> property : properties.properties()) {
                    String label = property.getKey().replace("\uFEFF", "").strip();
                    Integer index = labels.get(label);
                    if (index == null) {
                        if (!grow) {
                            log.add("unknown-property", "Propriété « " + label + " » absente de l'analyse (objet "
                                    + number + ") : ignorée.", number, label);
                            continue;
                        }
                        index = labels.size();
                        labels.put(label, index);
                    }
                    if (index >= row.length) {
                        row = java.util.Arrays.copyOf(row, labels.size());
                    }
                    row[index] = value(property.getValue());
                }
            }
            Geometry geometry = null;
            geometryError = null;
            JsonNode g = records ? null : feature.get("geometry");
            if (g != null && !g.isNull()) {
                try {
                    geometry = GeoJsonGeometryReader.read(g, GeometryMaker.WGS84);
                } catch (IllegalArgumentException e) {
                    geometryError = e.getMessage();
                    if (firstGeometryError == null) {
                        firstGeometryError = geometryError;
                        firstGeometryErrorAt = number;
                    }
                    if (!grow || rowWarnings) {
                        log.add("geometry-rejected", "Géométrie illisible (objet " + number + " : " + geometryError
                                + ") : ligne gardée sans géométrie.", number, null);
                    }
                }
            }
            show(row, geometry);
        }

        private static @Nullable Object value(JsonNode node) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (node.isString()) {
                return node.stringValue();
            }
            if (node.isIntegralNumber()) {
                return node.canConvertToLong() ? (Object) node.longValue() : node.asString();
            }
            if (node.isNumber()) {
                return node.decimalValue(); // exact (see EXACT); typed as the column says by the read pass
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            return node.toString();
        }

        /** Where the next warnings go (the read once's analysis takes those of the end). */
        void logTo(WarningLog target) {
            this.log = target;
        }

        /** How many bytes of the file the parser has read so far, or -1 when it cannot tell. */
        long byteOffset() {
            return parser.currentLocation().getByteOffset();
        }

        /** Reads the top-level members after the features (an old-style "crs" may come last). */
        void finish() {
            try {
                while (!parser.isClosed() && parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    if (name.equals("crs")) {
                        srid = crs(JSON.readTree(parser));
                    } else {
                        parser.skipChildren();
                    }
                }
            } catch (JacksonException e) {
                throw invalid(e.getOriginalMessage());
            }
        }

        private int crs(JsonNode crs) {
            JsonNode name = crs.path("properties").path("name");
            String text = name.isString() ? name.stringValue() : "";
            if (text.endsWith("CRS84")) {
                return Crs.WGS84;
            }
            Matcher m = EPSG.matcher(text);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            log.add("unknown-crs", "Système de coordonnées « " + text + " » non reconnu : WGS 84 supposé.");
            return Crs.WGS84;
        }

        @Override
        public void close() {
            parser.close();
        }
    }
}
