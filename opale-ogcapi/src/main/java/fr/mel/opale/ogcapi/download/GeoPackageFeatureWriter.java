package fr.mel.opale.ogcapi.download;

import fr.mel.opale.data.Column;
import fr.mel.opale.data.Feature;
import fr.mel.opale.geo.SpoolDirectory;
import fr.mel.opale.geo.crs.Crs;
import fr.mel.opale.ogcapi.crs.SupportedCrs;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.attributes.AttributesColumn;
import mil.nga.geopackage.attributes.AttributesTableMetadata;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.geopackage.user.UserDao;
import mil.nga.geopackage.user.UserRow;
import mil.nga.sf.GeometryType;
import mil.nga.sf.wkb.GeometryReader;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * Writes features into a GeoPackage (SQLite) file: a features table ({@code geom}, any geometry type) for a
 * geographic collection, an attributes table otherwise. SQLite needs a file, so the download writes a temporary one
 * (rows committed every 10 000, memory constant) that the controller then copies to the response and deletes.
 *
 * <p>Coordinates: CRS84 and EPSG:4326 are both written as EPSG:4326 in longitude/latitude order (GeoPackage and GDAL
 * read 4326 as x = longitude), EPSG:2154 and EPSG:3857 in their metres. Types: INTEGER, DOUBLE, BOOLEAN, DATE,
 * DATETIME (ISO 8601 in UTC, as the standard asks) and TEXT. GeoPackage has no exact decimal (its column types are
 * fixed by the standard, and SQLite turns a numeric text put into a DOUBLE column into a double anyway): a decimal
 * becomes the double nearest it — exact to the reader for up to 15 significant digits (the double prints back as
 * the same decimal), rounded to ~17 beyond. GIS tools need numbers here, so the column stays DOUBLE rather than
 * TEXT; CSV, GeoJSON and the shapefile's DBF carry every digit.
 */
final class GeoPackageFeatureWriter implements FeatureWriter {
    private static final int BATCH = 10_000;
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
    private final SpoolDirectory directory;
    private final Path file;
    private final GeoPackage geoPackage;
    private final UserDao<?, ?, ? extends UserRow<?, ?>, ?> dao;
    private final List<Column> columns;
    private final SupportedCrs crs;
    private final long srsId;
    private final WKBWriter wkb = new WKBWriter(2);
    private final String geometryColumn = "geom";
    private final boolean geographic;
    private final DownloadTarget target;
    private long written;
    private boolean closed;

    GeoPackageFeatureWriter(DownloadSelection selection, DownloadTarget target) throws IOException {
        this(selection.id(), selection.columns(), selection.geographic(), selection.crs(), target);
    }

    private GeoPackageFeatureWriter(String tableName, List<Column> columns, boolean geographic, SupportedCrs crs,
                                    DownloadTarget target) throws IOException {
        this.target = target;
        this.columns = columns;
        this.geographic = geographic;
        this.crs = crs;
        this.directory = new SpoolDirectory("opale-gpkg-");
        this.file = directory.file("download.gpkg");
        GeoPackageManager.create(file.toFile());
        this.geoPackage = GeoPackageManager.open(file.toFile());
        String table = tableName.replaceAll("[^A-Za-z0-9_]", "_");
        String id = columns.stream().anyMatch(c -> c.name().equals("fid")) ? "gpkg_fid" : "fid";
        try {
            if (geographic) {
                SpatialReferenceSystem srs = srs(crs);
                srsId = srs.getSrsId();
                GeometryColumns geometry = new GeometryColumns();
                geometry.setId(new TableColumnKey(table, geometryColumn));
                geometry.setGeometryType(GeometryType.GEOMETRY);
                geometry.setZ((byte) 0);
                geometry.setM((byte) 0);
                geometry.setSrs(srs);
                List<FeatureColumn> featureColumns = new ArrayList<>();
                columns.forEach(c -> featureColumns.add(FeatureColumn.createColumn(c.name(), type(c))));
                geoPackage.createFeatureTable(FeatureTableMetadata.create(geometry, id, featureColumns));
                dao = geoPackage.getFeatureDao(table);
            } else {
                srsId = 0;
                // GDAL (so QGIS) opens a GeoPackage as vector data only when gpkg_geometry_columns exists, even
                // for attributes alone ("no vector content" otherwise): an empty one costs nothing.
                geoPackage.createGeometryColumnsTable();
                List<AttributesColumn> attributeColumns = new ArrayList<>();
                columns.forEach(c -> attributeColumns.add(AttributesColumn.createColumn(c.name(), type(c))));
                AttributesTableMetadata metadata = AttributesTableMetadata.create(table, attributeColumns);
                metadata.setIdColumnName(id);
                geoPackage.createAttributesTable(metadata);
                dao = geoPackage.getAttributesDao(table);
            }
        } catch (SQLException e) {
            close();
            throw new IOException("GeoPackage impossible à créer", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        geoPackage.beginTransaction();
    }

    /**
     * The library knows EPSG:4326 and 3857 but not Lambert-93, whose definition (OGC WKT, as GDAL writes it) is
     * therefore inserted here.
     */
    private SpatialReferenceSystem srs(SupportedCrs crs) throws SQLException {
        var srsDao = geoPackage.getSpatialReferenceSystemDao();
        if (crs.epsg != Crs.LAMBERT_93) {
            return srsDao.getOrCreateCode("EPSG", crs.epsg);
        }
        SpatialReferenceSystem lambert93 = new SpatialReferenceSystem();
        lambert93.setSrsName("RGF93 v1 / Lambert-93");
        lambert93.setSrsId(2154);
        lambert93.setOrganization("EPSG");
        lambert93.setOrganizationCoordsysId(2154);
        lambert93.setDescription("Projection officielle de la France métropolitaine");
        lambert93.setDefinition(LAMBERT_93);
        srsDao.create(lambert93);
        return lambert93;
    }

    private static final String LAMBERT_93 = "PROJCS[\"RGF93 v1 / Lambert-93\",GEOGCS[\"RGF93 v1\","
            + "DATUM[\"Reseau_Geodesique_Francais_1993_v1\",SPHEROID[\"GRS 1980\",6378137,298.257222101],"
            + "TOWGS84[0,0,0,0,0,0,0]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],"
            + "AUTHORITY[\"EPSG\",\"4171\"]],PROJECTION[\"Lambert_Conformal_Conic_2SP\"],"
            + "PARAMETER[\"latitude_of_origin\",46.5],PARAMETER[\"central_meridian\",3],"
            + "PARAMETER[\"standard_parallel_1\",49],PARAMETER[\"standard_parallel_2\",44],"
            + "PARAMETER[\"false_easting\",700000],PARAMETER[\"false_northing\",6600000],UNIT[\"metre\",1],"
            + "AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],AUTHORITY[\"EPSG\",\"2154\"]]";

    private static GeoPackageDataType type(Column column) {
        return switch (column.type()) {
            case INTEGER -> GeoPackageDataType.INTEGER;
            case DECIMAL -> GeoPackageDataType.DOUBLE;
            case BOOLEAN -> GeoPackageDataType.BOOLEAN;
            case DATE -> GeoPackageDataType.DATE;
            case TIMESTAMP -> GeoPackageDataType.DATETIME;
            case TEXT -> GeoPackageDataType.TEXT;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Override
    public void write(Feature feature) throws IOException {
        UserRow row = dao.newRow();
        for (Column column : columns) {
            Object value = feature.properties().get(column.name());
            if (value instanceof BigDecimal number) {
                value = number.doubleValue();
            } else if (value instanceof OffsetDateTime instant) {
                value = UTC.format(instant.withOffsetSameInstant(ZoneOffset.UTC));
            } else if (value != null && column.type() == fr.mel.opale.data.ColumnType.DATE) {
                value = value.toString();
            }
            row.setValue(column.name(), value);
        }
        if (geographic && feature.geometry() != null) {
            Geometry geometry = crs.isWgs84() ? feature.geometry() : crs.fromStorage(feature.geometry());
            GeoPackageGeometryData data = GeoPackageGeometryData.createBuildEnvelopeAndWrite(srsId,
                    GeometryReader.readGeometry(wkb.write(geometry)));
            row.setValue(geometryColumn, data);
        }
        ((UserDao) dao).insert(row);
        if (++written % BATCH == 0) {
            geoPackage.endAndBeginTransaction();
        }
    }

    /** Commits the rows and closes the database, then sends the complete file (its size known). */
    @Override
    public void finish() throws IOException {
        geoPackage.endTransaction(true);
        geoPackage.close();
        closed = true;
        Files.copy(file, target.open(Files.size(file)));
    }

    /** Deletes the temporary file (and SQLite's journal, if any). */
    @Override
    public void close() {
        if (!closed) {
            if (geoPackage.inTransaction()) {
                geoPackage.endTransaction(false);
            }
            geoPackage.close();
            closed = true;
        }
        directory.close();
    }
}
