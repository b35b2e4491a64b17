package fr.mel.opale.geo.shapefile;

import fr.mel.opale.geo.GeometryType;
import fr.mel.opale.geo.SpoolDirectory;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * Writes rows as a zipped ESRI Shapefile: for each shapefile its {@code .shp}, {@code .shx}, {@code .dbf}
 * (dBase III), {@code .cpg} (UTF-8) and {@code .prj} (ESRI WKT of the output CRS), plus {@code <id>_champs.csv}
 * mapping the 10-character dBase field names back to the full attribute names.
 *
 * <p>Layout: rows of one geometry family (points, multipoints, lines or polygons, simple and multi mixed for the
 * last two) are one shapefile, {@code <id>.shp}, whose rows without geometry are Null Shape records. Rows of mixed
 * geometries are one shapefile per family present, {@code <id>_points.shp}, {@code <id>_multipoints.shp},
 * {@code <id>_lignes.shp}, {@code <id>_polygones.shp}, and their rows without geometry go to an attribute table
 * alone, {@code <id>_sans_geometrie.dbf}; a geometry collection is split by family (the row then appears in each
 * file concerned).
 *
 * <p>Memory stays constant: records go to temporary files as rows arrive, headers are fixed at the end, then the
 * zip is streamed from the files; {@link #close()} deletes them whatever happened. Every file stays under
 * {@code maxBytes} (2 GB, the format's limit): beyond, {@link TooLarge}, thrown before anything is sent.
 */
public final class ShapefileWriter implements AutoCloseable {
    /** 2 GB: the format's offsets are signed 32-bit, and readers stop there. */
    public static final long MAX_BYTES = Integer.MAX_VALUE;
    /** dBase III readers such as ArcGIS stop at 255 fields. */
    public static final int MAX_FIELDS = DbfFields.MAX_FIELDS;
    /** The temporary directories' name prefix (tests look for leftovers by it). */
    public static final String TEMPORARY_PREFIX = "opale-shp-";
    private final String id;
    private final int epsg;
    private final long maxBytes;
    private final DbfFields fields;
    private final @Nullable ShapeFamily single;
    private final SpoolDirectory directory;
    private final Map<ShapeFamily, Layer> layers = new EnumMap<>(ShapeFamily.class);
    private final List<AutoCloseable> open = new ArrayList<>();
    private @Nullable Layer noGeometry;

    /** A file would pass the size limit. */
    public static final class TooLarge extends IOException {
        TooLarge() {
            super("shapefile trop grand (plus de 2 Go)");
        }
    }

    /**
     * @param id         the base name of the files in the zip (characters outside {@code [A-Za-z0-9._-]} become
     *                   {@code _})
     * @param attributes at most {@link #MAX_FIELDS}
     * @param type       the geometry type of the rows, if one ({@link GeometryType#GEOMETRY} when mixed or unknown)
     * @param epsg       the CRS of the geometries given to {@link #write} (x first), for the {@code .prj}; a code
     *                   without an ESRI text gets no {@code .prj}
     * @param maxBytes   the largest file allowed
     * @throws IllegalArgumentException beyond {@link #MAX_FIELDS} attributes
     */
    public ShapefileWriter(String id, List<Attribute> attributes, GeometryType type, int epsg, long maxBytes)
            throws IOException {
        if (attributes.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("au plus " + MAX_FIELDS + " champs dans un shapefile");
        }
        this.id = id.replaceAll("[^A-Za-z0-9._-]", "_");
        this.epsg = epsg;
        this.maxBytes = maxBytes;
        this.fields = new DbfFields(attributes);
        this.single = ShapeFamily.of(type);
        this.directory = new SpoolDirectory(TEMPORARY_PREFIX);
        if (single != null) {
            layer(single); // a file even when there is no row
        }
    }

    /**
     * Whether {@code count} rows surely exceed the limit, from the smallest records they can have (a point is 28
     * bytes in the {@code .shp}, a row at least one byte per field in the {@code .dbf}): a cheap refusal before any
     * work; larger geometries and texts are caught while writing.
     */
    public static boolean surelyTooLarge(long count, int attributes, GeometryType type, long maxBytes) {
        long shp = type == GeometryType.POINT ? ShpWriter.HEADER + 28L * count : 0;
        long dbf = 33L + 32L * attributes + count * (1L + attributes);
        return shp > maxBytes || dbf > maxBytes;
    }

    /**
     * Writes one row.
     *
     * @param properties the values by attribute name (missing = empty)
     * @param geometry   in the output CRS, or null
     * @throws TooLarge when a file passes the limit
     */
    public void write(Map<String, @Nullable Object> properties, @Nullable Geometry geometry) throws IOException {
        Geometry shape = geometry == null || geometry.isEmpty() ? null : geometry;
        try {
            if (shape == null) {
                Layer home = single != null ? layer(single) : noGeometry();
                home.add(null, properties);
                return;
            }
            Map<ShapeFamily, Geometry> parts = ShapeFamily.split(shape);
            if (single != null && parts.size() == 1 && parts.containsKey(single)) {
                layer(single).add(shape, properties);
                return;
            }
            for (Map.Entry<ShapeFamily, Geometry> part : parts.entrySet()) {
                layer(part.getKey()).add(part.getValue(), properties);
            }
        } catch (ShpWriter.TooLarge e) {
            throw new TooLarge();
        }
    }

    private Layer layer(ShapeFamily family) throws IOException {
        Layer layer = layers.get(family);
        if (layer == null) {
            String name = family == single ? id : id + "_" + family.suffix;
            layer = new Layer(name, family);
            layers.put(family, layer);
        }
        return layer;
    }

    private Layer noGeometry() throws IOException {
        if (noGeometry == null) {
            noGeometry = new Layer(id + "_sans_geometrie", null);
        }
        return noGeometry;
    }

    /**
     * Ends the writing: checks the sizes and fixes the headers. Nothing needs to be sent before this succeeds.
     *
     * @throws TooLarge when a file would pass the limit
     */
    public void complete() throws IOException {
        if (layers.isEmpty() && noGeometry == null) {
            noGeometry(); // mixed geometries, no row: the fields still come as an empty table
        }
        for (Layer layer : layers()) {
            if (layer.dbf.size() > maxBytes) {
                throw new TooLarge();
            }
        }
        for (Layer layer : layers()) {
            layer.finish();
        }
    }

    private List<Layer> layers() {
        List<Layer> all = new ArrayList<>(layers.values());
        if (noGeometry != null) {
            all.add(noGeometry);
        }
        return all;
    }

    /** Streams the zip of the completed files to {@code out} (finished, not closed). */
    public void zip(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        // Fastest deflate: a million points (75 MB of shp/shx/dbf) zip in 2.8 s instead of 9.8 s at the default
        // level, to about the same size (17 vs 18 MiB: fixed-width records compress well either way).
        zip.setLevel(Deflater.BEST_SPEED);
        String prj = EsriPrj.of(epsg);
        for (Layer layer : layers()) {
            if (layer.shp != null) {
                copy(zip, layer.name + ".shp", layer.file(".shp"));
                copy(zip, layer.name + ".shx", layer.file(".shx"));
            }
            copy(zip, layer.name + ".dbf", layer.file(".dbf"));
            text(zip, layer.name + ".cpg", "UTF-8");
            if (layer.shp != null && prj != null) {
                text(zip, layer.name + ".prj", prj);
            }
        }
        text(zip, id + "_champs.csv", fields.mapping());
        zip.finish();
        zip.flush();
    }

    private static void copy(ZipOutputStream zip, String name, Path file) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        Files.copy(file, zip);
        zip.closeEntry();
    }

    private static void text(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** Closes and deletes every temporary file. */
    @Override
    public void close() {
        for (AutoCloseable closeable : open) {
            try {
                closeable.close();
            } catch (Exception e) {
                // deleting the files matters more; they are closed as far as possible
            }
        }
        directory.close();
    }

    /** One shapefile (or, without geometry, one attribute table) being written in the temporary directory. */
    private final class Layer {
        final String name;
        final @Nullable ShpWriter shp;
        final DbfWriter dbf;
        private final int number;

        Layer(String name, @Nullable ShapeFamily family) throws IOException {
            this.name = name;
            this.number = open.size();
            this.shp = family == null ? null
                    : new ShpWriter(family, file(".shp"), file(".shx"), maxBytes);
            if (shp != null) {
                open.add(shp);
            }
            this.dbf = new DbfWriter(fields, file(".spool"));
            open.add(dbf);
        }

        /** Temporary files are numbered, not named after the rows' id: the names in the zip are set apart. */
        Path file(String extension) {
            return directory.file("layer" + number + extension);
        }

        void add(@Nullable Geometry geometry, Map<String, @Nullable Object> properties) throws IOException {
            if (shp != null) {
                shp.write(geometry);
            }
            dbf.add(properties);
        }

        void finish() throws IOException {
            if (shp != null) {
                shp.finish();
            }
            dbf.finish(file(".dbf"));
        }
    }
}
