package fr.mel.opale.ingest.internal;

import fr.mel.opale.geo.crs.Crs;
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
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.geopackage.user.UserColumn;
import mil.nga.geopackage.user.UserDao;
import mil.nga.geopackage.user.UserResultSet;
import mil.nga.geopackage.user.UserRow;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * GeoPackage (OGC 12-128r18) through NGA's library: the layers are its feature tables (geometry from the GeoPackage
 * binary's WKB, CRS from gpkg_spatial_ref_sys) and its attribute tables (no geometry). Rows come from one SQLite
 * cursor; column types are those the tables declare.
 */
public final class GeoPackageReader implements TableReader {
    @Override
    public String format() {
        return "geopackage";
    }

    @Override
    public boolean accepts(byte[] head, SourceFile file) {
        return FileSniffer.isSqlite(head);
    }

    private static GeoPackage openPackage(SourceFile file) {
        try {
            return GeoPackageManager.open(file.path().toFile(), false);
        } catch (RuntimeException e) {
            throw new UnreadableFile("geopackage-invalid", "« " + file.name() + " » est une base SQLite mais pas un "
                    + "GeoPackage lisible (" + e.getMessage() + ").", e);
        }
    }

    private static List<String> layers(GeoPackage gpkg) {
        List<String> layers = new ArrayList<>(gpkg.getFeatureTables());
        layers.addAll(gpkg.getAttributesTables());
        return layers;
    }

    private static String choose(List<String> layers, @Nullable String wanted, SourceFile file) {
        if (layers.isEmpty()) {
            throw new UnreadableFile("geopackage-empty", "Le GeoPackage « " + file.name() + " » ne contient aucune "
                    + "table de données (ni couche géographique ni table attributaire).");
        }
        if (wanted == null) {
            return layers.get(0);
        }
        if (!layers.contains(wanted)) {
            throw new InvalidReadOptions("unknown-layer", "Couche « " + wanted + " » absente ; couches : "
                    + String.join(", ", layers) + ".");
        }
        return wanted;
    }

    @Override
    public Analysis analyse(SourceFile file, ReadOptions options, ReadListener listener) {
        WarningLog log = new WarningLog(options.limits().maxWarningsPerCode());
        try (GeoPackage gpkg = openPackage(file)) {
            List<String> layers = layers(gpkg);
            String layer = choose(layers, options.layer(), file);
            boolean features = gpkg.isFeatureTable(layer);
            Integer srid = options.sourceSrid();
            if (features && srid == null) {
                srid = srid(gpkg.getFeatureDao(layer).getSrs(), log);
            }
            List<String> labels = new ArrayList<>();
            List<ColumnStats> stats = new ArrayList<>();
            long rows = 0;
            try (Rows records = new Rows(gpkg, layer, log)) {
                for (int i = 0; i < records.columns.size(); i++) {
                    labels.add(records.columns.get(i).getName());
                    stats.add(new ColumnStats(type(records.columns.get(i).getDataType()), false));
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
            SourceSettings settings = new SourceSettings(format(), null, null, null, null, null, layer, layers,
                    srid);
            GeometryPlan geometry = features && srid != null
                    ? new GeometryPlan(GeometrySource.NATIVE, List.of(), srid) : null;
            listener.progress(rows);
            return AnalysisBuilder.build(settings, labels, stats, geometry, log, rows, options.withSourceSrid(srid));
        }
    }

    private static Integer srid(SpatialReferenceSystem srs, WarningLog log) {
        if (srs != null && "EPSG".equalsIgnoreCase(srs.getOrganization())
                && Crs.isSupported((int) srs.getOrganizationCoordsysId())) {
            return (int) srs.getOrganizationCoordsysId();
        }
        log.add("unknown-crs", "Système de coordonnées de la couche non reconnu ("
                + (srs == null ? "absent" : srs.getOrganization() + ":" + srs.getOrganizationCoordsysId())
                + ") : WGS 84 supposé ; précisez-le si besoin.");
        return Crs.WGS84;
    }

    private static ColumnType type(@Nullable GeoPackageDataType type) {
        if (type == null) {
            return ColumnType.TEXT;
        }
        return switch (type) {
            case BOOLEAN -> ColumnType.BOOLEAN;
            case TINYINT, SMALLINT, MEDIUMINT, INT, INTEGER -> ColumnType.INTEGER;
            case FLOAT, DOUBLE, REAL -> ColumnType.DECIMAL;
            case DATE -> ColumnType.DATE;
            case DATETIME -> ColumnType.TIMESTAMP;
            default -> ColumnType.TEXT;
        };
    }

    @Override
    public RowStream open(SourceFile file, ReadPlan plan, Limits limits, ReadListener listener) {
        WarningLog log = new WarningLog(limits.maxWarningsPerCode());
        GeoPackage gpkg = openPackage(file);
        try {
            String layer = choose(layers(gpkg), plan.settings().layer(), file);
            return new PlannedRows(new Rows(gpkg, layer, log), plan, log, listener);
        } catch (RuntimeException e) {
            gpkg.close();
            throw e;
        }
    }

    /** The rows of one table, attribute columns only (the geometry column is the row's geometry). */
    private static final class Rows implements RecordSource {
        private final GeoPackage gpkg;
        private final UserResultSet<?, ?, ?> result;
        final List<UserColumn> columns = new ArrayList<>();
        private final List<Integer> indexes = new ArrayList<>();
        private final WarningLog log;
        private final WKBReader wkb = new WKBReader(GeometryMaker.WGS84);
        private @Nullable UserRow<?, ?> row;
        private long number;

        Rows(GeoPackage gpkg, String layer, WarningLog log) {
            this.gpkg = gpkg;
            this.log = log;
            UserDao<?, ?, ?, ?> dao = gpkg.isFeatureTable(layer) ? gpkg.getFeatureDao(layer)
                    : gpkg.getAttributesDao(layer);
            String geometryColumn = dao instanceof FeatureDao f ? f.getGeometryColumnName() : null;
            List<? extends UserColumn> all = dao.getTable().getColumns();
            for (int i = 0; i < all.size(); i++) {
                if (!all.get(i).getName().equals(geometryColumn)) {
                    columns.add(all.get(i));
                    indexes.add(all.get(i).getIndex());
                }
            }
            this.result = dao.queryForAll();
        }

        @Override
        public boolean next() {
            if (!result.moveToNext()) {
                return false;
            }
            row = result.getRow();
            number++;
            return true;
        }

        @Override
        public @Nullable Object cell(int source) {
            Object value = row == null ? null : row.getValue(indexes.get(source));
            if (value instanceof java.util.Date date) {
                Instant instant = date.toInstant();
                return columns.get(source).getDataType() == GeoPackageDataType.DATE
                        ? instant.atOffset(ZoneOffset.UTC).toLocalDate() : instant.atOffset(ZoneOffset.UTC);
            }
            if (value instanceof byte[] bytes) {
                return "[" + bytes.length + " octets]";
            }
            if (value instanceof Integer i) {
                return i.longValue();
            }
            if (value instanceof Float f) {
                return f.doubleValue();
            }
            return value;
        }

        @Override
        public long line() {
            return number;
        }

        @Override
        public @Nullable Geometry geometry() {
            if (!(row instanceof FeatureRow feature)) {
                return null;
            }
            GeoPackageGeometryData data = feature.getGeometry();
            if (data == null || data.isEmpty()) {
                return null;
            }
            try {
                return wkb.read(data.getWkb());
            } catch (IOException | ParseException e) {
                log.add("geometry-rejected", "Géométrie illisible (enregistrement " + number + ") : ligne gardée sans "
                        + "géométrie.", number, null);
                return null;
            }
        }

        @Override
        public void close() {
            try {
                result.close();
            } finally {
                gpkg.close();
            }
        }
    }
}
