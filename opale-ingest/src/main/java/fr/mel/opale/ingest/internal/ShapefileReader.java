package fr.mel.opale.ingest.internal;

import fr.mel.opale.geo.crs.Crs;
import fr.mel.opale.geo.shapefile.DbfReader;
import fr.mel.opale.geo.shapefile.PrjCrs;
import fr.mel.opale.geo.shapefile.ShpReader;
import fr.mel.opale.ingest.Analysis;
import fr.mel.opale.ingest.ColumnType;
import fr.mel.opale.ingest.GeometryPlan;
import fr.mel.opale.ingest.GeometrySource;
import fr.mel.opale.ingest.InvalidReadOptions;
import fr.mel.opale.ingest.Limits;
import fr.mel.opale.ingest.ReadListener;
import fr.mel.opale.ingest.ReadOptions;
import fr.mel.opale.ingest.ReadPlan;
import fr.mel.opale.ingest.RowStream;
import fr.mel.opale.ingest.SourceFile;
import fr.mel.opale.ingest.SourceSettings;
import fr.mel.opale.ingest.TableReader;
import fr.mel.opale.ingest.UnreadableFile;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Zipped ESRI Shapefiles, read by opale-geo's small readers ({@link ShpReader}, {@link DbfReader}) straight from the
 * archive's streams — nothing extracted. Chosen over h2gis' reader, whose API is internal to h2gis and which would
 * bring a second H2 engine and its function registry for one file format.
 *
 * <p>A ZIP may hold several shapefiles (layers, by base name). The DBF encoding comes from the .cpg, else from the
 * DBF's language driver byte, else is guessed over the whole DBF (valid UTF-8 with non-ASCII text is UTF-8,
 * anything else Windows-1252). The CRS comes from the .prj ({@link PrjCrs}); without one it is guessed from the
 * .shp bounding box and reported.
 */
public final class ShapefileReader implements TableReader {
    @Override
    public String format() {
        return "shapefile";
    }

    @Override
    public boolean accepts(byte[] head, SourceFile file) {
        if (!FileSniffer.isZip(head)) {
            return false;
        }
        try (SafeZip zip = new SafeZip(file.path(), file.name(), Limits.DEFAULT)) {
            return zip.entries().stream().map(e -> e.getName().toLowerCase(Locale.ROOT))
                    .anyMatch(n -> n.endsWith(".shp") || n.endsWith(".dbf"));
        } catch (UnreadableFile e) {
            return true; // let analyse report the archive's problem precisely
        }
    }

    /** The members of one shapefile in the archive. */
    private record Layer(String name, @Nullable ZipEntry shp, @Nullable ZipEntry dbf, @Nullable ZipEntry prj,
                         @Nullable ZipEntry cpg) {
    }

    private static Map<String, Layer> layers(SafeZip zip) {
        Map<String, ZipEntry[]> members = new TreeMap<>();
        for (ZipEntry entry : zip.entries()) {
            String path = entry.getName();
            if (entry.isDirectory() || path.startsWith("__MACOSX/")) {
                continue;
            }
            int dot = path.lastIndexOf('.');
            if (dot < 0) {
                continue;
            }
            String base = path.substring(path.lastIndexOf('/') + 1, dot);
            int slot = switch (path.substring(dot + 1).toLowerCase(Locale.ROOT)) {
                case "shp" -> 0;
                case "dbf" -> 1;
                case "prj" -> 2;
                case "cpg" -> 3;
                default -> -1;
            };
            if (slot >= 0) {
                members.computeIfAbsent(base, b -> new ZipEntry[4])[slot] = entry;
            }
        }
        Map<String, Layer> layers = new TreeMap<>();
        members.forEach((base, m) -> {
            if (m[0] != null || m[1] != null) {
                layers.put(base, new Layer(base, m[0], m[1], m[2], m[3]));
            }
        });
        return layers;
    }

    private static Layer choose(Map<String, Layer> layers, @Nullable String wanted, SourceFile file) {
        if (layers.isEmpty()) {
            throw new UnreadableFile("shapefile-missing-shp", "L'archive « " + file.name() + " » ne contient aucun "
                    + "shapefile (.shp avec .dbf).");
        }
        Layer layer = wanted == null ? layers.values().iterator().next() : layers.get(wanted);
        if (layer == null) {
            throw new InvalidReadOptions("unknown-layer", "Couche « " + wanted + " » absente de l'archive ; couches : "
                    + String.join(", ", layers.keySet()) + ".");
        }
        if (layer.dbf() == null) {
            throw new UnreadableFile("shapefile-missing-dbf", "L'archive « " + file.name() + " » contient « "
                    + layer.name() + ".shp » sans son fichier « " + layer.name() + ".dbf » (les attributs) : "
                    + "ajoutez-le à l'archive.");
        }
        return layer;
    }

    @Override
    public Analysis analyse(SourceFile file, ReadOptions options, ReadListener listener) {
        Limits limits = options.limits();
        WarningLog log = new WarningLog(limits.maxWarningsPerCode());
        try (SafeZip zip = new SafeZip(file.path(), file.name(), limits)) {
            Map<String, Layer> layers = layers(zip);
            Layer layer = choose(layers, options.layer(), file);
            Charset charset = charset(zip, layer, options.encoding(), log);
            Integer srid = options.sourceSrid();
            if (srid == null && layer.shp() != null) {
                srid = srid(zip, layer, log);
            }
            List<String> labels = new ArrayList<>();
            List<ColumnStats> stats = new ArrayList<>();
            long rows = 0;
            try (Records records = new Records(zip, layer, charset, log)) {
                for (DbfReader.Field field : records.dbf.fields) {
                    labels.add(field.name().isEmpty() ? "Colonne " + (labels.size() + 1) : field.name());
                    stats.add(new ColumnStats(columnType(field), false));
                }
                while (records.next()) {
                    rows++;
                    for (int i = 0; i < stats.size(); i++) {
                        stats.get(i).observe(records.cell(i), rows);
                    }
                    if (rows % CsvReader.CHECK_EVERY == 0) {
                        CsvReader.checkpoint(listener, rows);
                    }
                }
            }
            SourceSettings settings = new SourceSettings(format(), charset.name(), null, null, null, null,
                    layer.name(), List.copyOf(layers.keySet()), srid);
            GeometryPlan geometry = layer.shp() == null || srid == null ? null
                    : new GeometryPlan(GeometrySource.NATIVE, List.of(), srid);
            listener.progress(rows);
            return AnalysisBuilder.build(settings, labels, stats, geometry, log, rows, options.withSourceSrid(srid));
        } catch (IOException e) {
            throw new UnreadableFile("shapefile-invalid", "Shapefile illisible (« " + file.name() + " ») : "
                    + e.getMessage() + ".", e);
        }
    }

    private static Charset charset(SafeZip zip, Layer layer, @Nullable String forced, WarningLog log)
            throws IOException {
        if (forced != null) {
            return Charset.forName(forced);
        }
        if (layer.cpg() != null) {
            String declared;
            try (InputStream in = zip.open(layer.cpg())) {
                declared = new String(in.readNBytes(100), StandardCharsets.US_ASCII).strip();
            }
            Charset fromCpg = cpg(declared);
            if (fromCpg != null) {
                return fromCpg;
            }
            log.add("unknown-encoding", "Encodage « " + declared + " » du fichier .cpg inconnu : encodage deviné.");
        }
        int ldid;
        try (InputStream in = zip.open(layer.dbf())) {
            byte[] header = in.readNBytes(32);
            ldid = header.length == 32 ? header[29] & 0xFF : 0;
        }
        Charset fromLdid = switch (ldid) {
            case 0x01 -> Charset.forName("IBM437");
            case 0x02 -> Charset.forName("IBM850");
            case 0x03, 0x57 -> Charset.forName("windows-1252");
            default -> null;
        };
        if (fromLdid != null) {
            return fromLdid;
        }
        boolean utf8 = true;
        // Text fields read as ISO-8859-1 give back their bytes one char each: check those bytes are UTF-8.
        java.nio.charset.CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (DbfReader table = new DbfReader(zip.open(layer.dbf()), StandardCharsets.ISO_8859_1)) {
            while (utf8 && table.next()) {
                for (Object value : table.values()) {
                    if (value instanceof String text && !isAscii(text)) {
                        try {
                            strict.decode(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1)));
                        } catch (CharacterCodingException e) {
                            utf8 = false;
                            break;
                        }
                    }
                }
            }
        }
        Charset guessed = utf8 ? StandardCharsets.UTF_8 : Charset.forName("windows-1252");
        log.add("encoding-guessed", "Ni fichier .cpg ni encodage déclaré dans le .dbf : " + guessed.name()
                + " déduit du contenu.");
        return guessed;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    static @Nullable Charset cpg(String declared) {
        String d = declared.toUpperCase(Locale.ROOT).replace(" ", "");
        String name = switch (d) {
            case "UTF-8", "UTF8", "65001" -> "UTF-8";
            case "1252", "CP1252", "ANSI1252", "WINDOWS-1252", "ANSI" -> "windows-1252";
            case "88591", "8859-1", "ISO-8859-1", "ISO88591", "LATIN1" -> "ISO-8859-1";
            case "885915", "8859-15", "ISO-8859-15", "ISO885915" -> "ISO-8859-15";
            default -> d;
        };
        try {
            return Charset.forName(name);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static @Nullable Integer srid(SafeZip zip, Layer layer, WarningLog log) throws IOException {
        if (layer.prj() != null) {
            String wkt;
            try (InputStream in = zip.open(layer.prj())) {
                wkt = new String(in.readNBytes(64 * 1024), StandardCharsets.ISO_8859_1);
            }
            Integer srid = PrjCrs.srid(wkt);
            if (srid != null && Crs.isSupported(srid)) {
                return srid;
            }
            log.add("unknown-crs", "Système de coordonnées du fichier .prj non reconnu (" + abbreviate(wkt)
                    + ") : déduit de l'étendue des coordonnées ; précisez-le si besoin.");
        } else {
            log.add("missing-prj", "Pas de fichier .prj : système de coordonnées déduit de l'étendue des coordonnées ;"
                    + " précisez-le si besoin.");
        }
        Envelope bounds;
        try (ShpReader shp = new ShpReader(zip.open(layer.shp()), GeometryMaker.WGS84)) {
            bounds = shp.bounds;
        } catch (IOException unreadableHeader) {
            return Crs.WGS84; // the read pass reports the file itself
        }
        int a = GeometryGuess.sridOfCoordinate(new Coordinate(bounds.getMinX(), bounds.getMinY()));
        return a == GeometryGuess.sridOfCoordinate(new Coordinate(bounds.getMaxX(), bounds.getMaxY())) ? a : Crs.WGS84;
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }

    @Override
    public RowStream open(SourceFile file, ReadPlan plan, Limits limits, ReadListener listener) {
        WarningLog log = new WarningLog(limits.maxWarningsPerCode());
        SafeZip zip = new SafeZip(file.path(), file.name(), limits);
        try {
            Layer layer = choose(layers(zip), plan.settings().layer(), file);
            Charset charset = plan.settings().encoding() != null ? Charset.forName(plan.settings().encoding())
                    : StandardCharsets.UTF_8;
            return new PlannedRows(new Records(zip, layer, charset, log), plan, log, listener);
        } catch (IOException | RuntimeException e) {
            zip.close();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new UnreadableFile("shapefile-invalid", "Shapefile illisible : " + e.getMessage(), e);
        }
    }

    /** The column type a dBase field declares. */
    static ColumnType columnType(DbfReader.Field field) {
        if (field.isInteger()) {
            return ColumnType.INTEGER;
        }
        return switch (field.type()) {
            case 'N', 'F', 'O' -> ColumnType.DECIMAL;
            case 'L' -> ColumnType.BOOLEAN;
            case 'D' -> ColumnType.DATE;
            default -> ColumnType.TEXT;
        };
    }

    /**
     * The record's values with decimals in the one form rows carry ({@link Decimals}); a decimal beyond its bounds
     * stays text, which the read pass reports as a value that does not fit.
     */
    private static @Nullable Object[] canonical(@Nullable Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof java.math.BigDecimal written) {
                java.math.BigDecimal exact = Decimals.of(written);
                values[i] = exact != null ? exact : written.toString();
            }
        }
        return values;
    }

    /** DBF records and their shapes in step; deleted records skipped. */
    private static final class Records extends NumberedFeatures {
        private final SafeZip zip;
        final DbfReader dbf;
        private final @Nullable ShpReader shp;
        private final WarningLog log;
        private boolean shapesEnded;

        Records(SafeZip zip, Layer layer, Charset charset, WarningLog log) throws IOException {
            this.zip = zip;
            this.log = log;
            this.dbf = new DbfReader(zip.open(layer.dbf()), charset);
            this.shp = layer.shp() == null ? null : new ShpReader(zip.open(layer.shp()), GeometryMaker.WGS84);
        }

        @Override
        public boolean next() throws IOException {
            while (dbf.next()) {
                Geometry shape = null;
                long number = advance();
                if (shp != null && !shapesEnded) {
                    try {
                        shape = shp.next();
                        if (shp.lastProblem != null) {
                            log.add("geometry-rejected", "Forme de l'enregistrement " + number + " : "
                                    + shp.lastProblem + ".", number, null);
                        }
                    } catch (EOFException e) {
                        shapesEnded = true;
                        log.add("shapefile-mismatch", "Le .shp a moins de formes que le .dbf n'a d'enregistrements "
                                + "(à partir de l'enregistrement " + number + ").", number, null);
                    } catch (IllegalArgumentException e) {
                        log.add("geometry-rejected", "Forme de l'enregistrement " + number + " illisible ("
                                + e.getMessage() + ").", number, null);
                    }
                }
                if (dbf.deleted()) {
                    continue;
                }
                show(canonical(dbf.values()), shape);
                return true;
            }
            return false;
        }

        @Override
        public void close() throws IOException {
            try {
                dbf.close();
                if (shp != null) {
                    shp.close();
                }
            } finally {
                zip.close();
            }
        }
    }
}
