package fr.mel.opale.ogcapi.download;

import fr.mel.opale.data.Column;
import fr.mel.opale.data.Feature;
import fr.mel.opale.data.GeometryKind;
import fr.mel.opale.ogcapi.OgcApiProblem;
import fr.mel.opale.ogcapi.crs.SupportedCrs;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
 * Writes features as a zipped ESRI Shapefile: for each shapefile its {@code .shp}, {@code .shx}, {@code .dbf}
 * (dBase III), {@code .cpg} (UTF-8) and {@code .prj} (ESRI WKT of the output CRS), plus {@code <id>_champs.csv}
 * mapping the 10-character dBase field names back to the full column names.
 *
 * <p>Layout: a collection of one geometry family (points, multipoints, lines or polygons, simple and multi mixed
 * for the last two) is one shapefile, {@code <id>.shp}, whose rows without geometry are Null Shape records. A
 * collection of mixed geometries is one shapefile per family present, {@code <id>_points.shp},
 * {@code <id>_multipoints.shp}, {@code <id>_lignes.shp}, {@code <id>_polygones.shp}, and its rows without geometry
 * go to an attribute table alone, {@code <id>_sans_geometrie.dbf}; a geometry collection is split by family (the
 * row then appears in each file concerned).
 *
 * <p>Memory stays constant: records go to temporary files as rows arrive, headers are fixed at the end, then the
 * zip is streamed from the files; {@link #close()} deletes them whatever happened. Every file stays under 2 GB
 * (the format's limit): beyond, a 400 pointing to GeoPackage, raised before anything is sent.
 */
final class ShapefileFeatureWriter implements AutoCloseable {
    /** 2 GB: the format's offsets are signed 32-bit, and readers stop there. */
    static final long MAX_BYTES = Integer.MAX_VALUE;
    static final String TEMPORARY_PREFIX = "opale-shp-";
    private final String id;
    private final SupportedCrs crs;
    private final long maxBytes;
    private final DbfFields fields;
    private final @Nullable ShapeFamily single;
    private final Path directory;
    private final Map<ShapeFamily, Layer> layers = new EnumMap<>(ShapeFamily.class);
    private final List<AutoCloseable> open = new ArrayList<>();
    private @Nullable Layer noGeometry;

    ShapefileFeatureWriter(String id, List<Column> columns, GeometryKind kind, SupportedCrs crs) throws IOException {
        this(id, columns, kind, crs, MAX_BYTES);
    }

    ShapefileFeatureWriter(String id, List<Column> columns, GeometryKind kind, SupportedCrs crs, long maxBytes)
            throws IOException {
        if (columns.size() > DbfFields.MAX_FIELDS) {
            throw OgcApiProblem.badParameter(DownloadController.FORMAT, "un shapefile contient au plus "
                    + DbfFields.MAX_FIELDS + " colonnes ; choisissez-les avec properties= ou téléchargez un "
                    + "GeoPackage (format=gpkg).");
        }
        this.id = id.replaceAll("[^A-Za-z0-9._-]", "_");
        this.crs = crs;
        this.maxBytes = maxBytes;
        this.fields = new DbfFields(columns);
        this.single = ShapeFamily.of(kind);
        this.directory = Files.createTempDirectory(TEMPORARY_PREFIX);
        if (single != null) {
            layer(single); // a file even when the selection is empty
        }
    }

    /**
     * Whether a selection of {@code count} rows surely exceeds the limit, from the smallest records it can have
     * (a point is 28 bytes in the {@code .shp}, a row at least one byte per field in the {@code .dbf}): a cheap
     * refusal before any work; larger geometries and texts are caught while writing.
     */
    static boolean surelyTooLarge(long count, int columns, GeometryKind kind, long maxBytes) {
        long shp = kind == GeometryKind.POINT ? ShpWriter.HEADER + 28L * count : 0;
        long dbf = 33L + 32L * columns + count * (1L + columns);
        return shp > maxBytes || dbf > maxBytes;
    }

    static OgcApiProblem tooLarge() {
        return OgcApiProblem.badParameter(DownloadController.FORMAT, "la sélection dépasserait la taille maximale "
                + "d'un shapefile (2 Go) ; filtrez-la ou téléchargez-la en GeoPackage (format=gpkg), sans cette "
                + "limite.");
    }

    void feature(Feature feature) throws IOException {
        Geometry geometry = feature.geometry() == null || feature.geometry().isEmpty() ? null
                : crs == SupportedCrs.CRS84 || crs == SupportedCrs.EPSG_4326 ? feature.geometry()
                : crs.fromStorage(feature.geometry());
        try {
            if (geometry == null) {
                Layer home = single != null ? layer(single) : noGeometry();
                home.add(null, feature);
                return;
            }
            Map<ShapeFamily, Geometry> parts = ShapeFamily.split(geometry);
            if (single != null && parts.size() == 1 && parts.containsKey(single)) {
                layer(single).add(geometry, feature);
                return;
            }
            for (Map.Entry<ShapeFamily, Geometry> part : parts.entrySet()) {
                layer(part.getKey()).add(part.getValue(), feature);
            }
        } catch (ShpWriter.TooLarge e) {
            throw tooLarge();
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
     * Ends the writing: checks the sizes (a 400 when a file would pass the limit) and fixes the headers. Nothing
     * needs to be sent before this succeeds.
     */
    void complete() throws IOException {
        if (layers.isEmpty() && noGeometry == null) {
            noGeometry(); // mixed geometries, nothing selected: the fields still come as an empty table
        }
        for (Layer layer : layers()) {
            if (layer.dbf.size() > maxBytes) {
                throw tooLarge();
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
    void zip(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        // Fastest deflate: a million points (75 MB of shp/shx/dbf) zip in 2.8 s instead of 9.8 s at the default
        // level, to about the same size (17 vs 18 MiB: fixed-width records compress well either way).
        zip.setLevel(Deflater.BEST_SPEED);
        for (Layer layer : layers()) {
            if (layer.shp != null) {
                copy(zip, layer.name + ".shp", layer.file(".shp"));
                copy(zip, layer.name + ".shx", layer.file(".shx"));
            }
            copy(zip, layer.name + ".dbf", layer.file(".dbf"));
            text(zip, layer.name + ".cpg", "UTF-8");
            if (layer.shp != null) {
                text(zip, layer.name + ".prj", EsriPrj.of(crs));
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
        try (var files = Files.list(directory)) {
            for (Path path : files.toList()) {
                Files.deleteIfExists(path);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

        /** Temporary files are numbered, not named after the collection: the names in the zip are set apart. */
        Path file(String extension) {
            return directory.resolve("layer" + number + extension);
        }

        void add(@Nullable Geometry geometry, Feature feature) throws IOException {
            if (shp != null) {
                shp.write(geometry);
            }
            dbf.add(feature.properties());
        }

        void finish() throws IOException {
            if (shp != null) {
                shp.finish();
            }
            dbf.finish(file(".dbf"));
        }
    }
}
