package fr.mel.opale.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.geo.crs.Crs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

/**
 * Our shapefile reader on shapes written here byte by byte, after the ESRI specification: every shape type we
 * read, Z and M variants, null shapes, holes and multi-part polygons, deleted DBF records, a Windows-1252 DBF.
 */
class ShapefileReaderTest {
    @TempDir
    Path dir;

    /** One shape record's content (after the 8-byte record header), little-endian. */
    private static byte[] shape(int type, double[][]... parts) {
        int points = 0;
        for (double[][] part : parts) {
            points += part.length;
        }
        ByteBuffer b = ByteBuffer.allocate(4 + 32 + 8 + 4 * parts.length + 16 * points + (type % 10 == 3
                || type % 10 == 5 ? 0 : 0) + (type >= 10 && type < 20 ? 16 + 8 * points : 0) + (type > 20
                ? 16 + 8 * points : 0) + 64).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(type);
        switch (type % 10) {
            case 0 -> {
            }
            case 1 -> {
                b.putDouble(parts[0][0][0]).putDouble(parts[0][0][1]);
                if (type == 11) {
                    b.putDouble(parts[0][0][2]);
                }
                if (type != 1) {
                    b.putDouble(0); // M
                }
            }
            default -> {
                b.putDouble(0).putDouble(0).putDouble(0).putDouble(0); // bbox, not needed to read
                if (type % 10 != 8) {
                    b.putInt(parts.length);
                }
                b.putInt(points);
                int start = 0;
                if (type % 10 != 8) {
                    for (double[][] part : parts) {
                        b.putInt(start);
                        start += part.length;
                    }
                }
                for (double[][] part : parts) {
                    for (double[] p : part) {
                        b.putDouble(p[0]).putDouble(p[1]);
                    }
                }
                if (type > 10 && type < 20) {
                    b.putDouble(0).putDouble(0);
                    for (double[][] part : parts) {
                        for (double[] p : part) {
                            b.putDouble(p.length > 2 ? p[2] : 0);
                        }
                    }
                }
            }
        }
        byte[] out = new byte[b.position()];
        b.flip();
        b.get(out);
        return out;
    }

    private static byte[] shp(int type, List<byte[]> records) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int n = 1;
        for (byte[] r : records) {
            ByteBuffer h = ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putInt(n++).putInt(r.length / 2);
            body.writeBytes(h.array());
            body.writeBytes(r);
        }
        ByteBuffer header = ByteBuffer.allocate(100);
        header.order(ByteOrder.BIG_ENDIAN).putInt(0, 9994).putInt(24, (100 + body.size()) / 2);
        header.order(ByteOrder.LITTLE_ENDIAN).putInt(28, 1000).putInt(32, type);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(header.array());
        all.writeBytes(body.toByteArray());
        return all.toByteArray();
    }

    /** A DBF with one C(20) "NOM" and one N(5,0) "NB" field; a record starting with '*' is deleted. */
    private static byte[] dbf(int languageDriver, Charset charset, String... records) {
        return dbf(languageDriver, charset, 5, 0, records);
    }

    /** The same with "NB" an N(length, decimals) field. */
    private static byte[] dbf(int languageDriver, Charset charset, int length, int decimals, String... records) {
        int recordLength = 1 + 20 + length;
        ByteBuffer b = ByteBuffer.allocate(32 + 64 + 1 + recordLength * records.length + 1)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 3).put(new byte[3]).putInt(records.length).putShort((short) (32 + 64 + 1))
                .putShort((short) recordLength);
        b.position(29);
        b.put((byte) languageDriver);
        b.position(32);
        field(b, "NOM", 'C', 20, 0);
        field(b, "NB", 'N', length, decimals);
        b.put((byte) 0x0D);
        for (String record : records) {
            boolean deleted = record.startsWith("*");
            String[] parts = (deleted ? record.substring(1) : record).split("\\|");
            b.put((byte) (deleted ? '*' : ' '));
            b.put(pad(parts[0].getBytes(charset), 20, false));
            b.put(pad(parts[1].getBytes(charset), length, true));
        }
        b.put((byte) 0x1A);
        return b.array();
    }

    private static void field(ByteBuffer b, String name, char type, int length, int decimals) {
        byte[] descriptor = new byte[32];
        System.arraycopy(name.getBytes(), 0, descriptor, 0, name.length());
        descriptor[11] = (byte) type;
        descriptor[16] = (byte) length;
        descriptor[17] = (byte) decimals;
        b.put(descriptor);
    }

    private static byte[] pad(byte[] value, int width, boolean right) {
        byte[] out = new byte[width];
        java.util.Arrays.fill(out, (byte) ' ');
        System.arraycopy(value, 0, out, right ? width - value.length : 0, value.length);
        return out;
    }

    private Path zip(String name, String base, byte[] shp, byte[] dbf, String prj) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry("dossier/" + base + ".shp"));
            out.write(shp);
            out.putNextEntry(new ZipEntry("dossier/" + base + ".dbf"));
            out.write(dbf);
            if (prj != null) {
                out.putNextEntry(new ZipEntry("dossier/" + base + ".prj"));
                out.write(prj.getBytes());
            }
        }
        return file;
    }

    private List<Row> read(Path file, Analysis a) {
        List<Row> rows = new ArrayList<>();
        try (RowStream stream = TableReaders.standard().open(SourceFile.of(file), a.plan(), Limits.DEFAULT,
                ReadListener.NONE)) {
            for (Row r = stream.next(); r != null; r = stream.next()) {
                rows.add(r);
            }
        }
        return rows;
    }

    private static final String WGS84 = "GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\"]]";

    @Test
    void polygonsWithHolesAndSeveralShellsZVariantsAndNullShapes() throws IOException {
        double[][] shell = {{0, 0}, {0, 10}, {10, 10}, {10, 0}, {0, 0}}; // clockwise: outer
        double[][] hole = {{2, 2}, {4, 2}, {4, 4}, {2, 4}, {2, 2}}; // counter-clockwise: hole
        double[][] island = {{20, 20}, {20, 25}, {25, 25}, {25, 20}, {20, 20}};
        double[][] shellZ = {{0, 0, 5}, {0, 1, 6}, {1, 1, 7}, {1, 0, 8}, {0, 0, 5}};
        List<byte[]> records = List.of(shape(5, shell, hole), shape(5, shell, island), shape(0), shape(15, shellZ),
                shape(5, shell));
        Path file = zip("polygones.zip", "zones", shp(5, records),
                dbf(0x57, Charset.forName("windows-1252"), "Zone é|1", "Deux zones|2", "Vide|3", "En Z|4",
                        "*Supprimée|5"), WGS84);
        Analysis a = TableReaders.standard().analyse(SourceFile.of(file), ReadOptions.DEFAULT, ReadListener.NONE);
        assertThat(a.plan().settings().encoding()).isEqualTo("windows-1252"); // LDID 0x57
        assertThat(a.rows()).isEqualTo(4); // the deleted record is not a row
        assertThat(a.column("nom").type()).isEqualTo(ColumnType.TEXT);
        assertThat(a.column("nb").type()).isEqualTo(ColumnType.INTEGER);
        List<Row> rows = read(file, a);
        assertThat(rows.get(0).values()).containsExactly("Zone é", 1L);
        Polygon withHole = (Polygon) rows.get(0).geometry();
        assertThat(withHole.getNumInteriorRing()).isEqualTo(1);
        assertThat(withHole.getArea()).isEqualTo(96.0);
        assertThat(rows.get(1).geometry()).isInstanceOf(MultiPolygon.class);
        assertThat(rows.get(1).geometry().getNumGeometries()).isEqualTo(2);
        assertThat(rows.get(2).geometry()).isNull();
        assertThat(rows.get(3).geometry().getCoordinates()[1].getZ()).isEqualTo(6.0);
    }

    @Test
    void numericFieldsWithDecimalsAreReadDigitForDigit() throws IOException {
        List<byte[]> records = List.of(shape(1, new double[][] {{3.06, 50.63}}), shape(1, new double[][] {{3.07,
            50.64}}), shape(1, new double[][] {{3.08, 50.65}}));
        Path file = zip("montants.zip", "montants", shp(1, records), dbf(0, Charset.forName("UTF-8"), 20, 5,
                "a|0.10000", "b|0.2", "c|12345678901234.56789"), WGS84);
        Analysis a = TableReaders.standard().analyse(SourceFile.of(file), ReadOptions.DEFAULT, ReadListener.NONE);
        assertThat(a.column("nb").type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(read(file, a)).extracting(row -> row.values()[1]).containsExactly(new java.math.BigDecimal("0.1"),
                new java.math.BigDecimal("0.2"), new java.math.BigDecimal("12345678901234.56789"));
    }

    @Test
    void pointsMultipointsLinesAndMeasuredVariants() throws IOException {
        List<byte[]> records = List.of(shape(1, new double[][] {{3.06, 50.63}}),
                shape(21, new double[][] {{3.07, 50.64}}), shape(11, new double[][] {{3.08, 50.65, 12}}));
        Path points = zip("points.zip", "points", shp(1, records), dbf(0, Charset.forName("UTF-8"), "a|1", "b|2",
                "c|3"), WGS84);
        Analysis a = TableReaders.standard().analyse(SourceFile.of(points), ReadOptions.DEFAULT, ReadListener.NONE);
        List<Row> rows = read(points, a);
        assertThat(rows).extracting(r -> r.geometry().getGeometryType()).containsOnly("Point");
        assertThat(rows.get(2).geometry().getCoordinate().getZ()).isEqualTo(12.0);

        List<byte[]> lines = List.of(shape(3, new double[][] {{0, 0}, {1, 1}}),
                shape(3, new double[][] {{0, 0}, {1, 1}}, new double[][] {{2, 2}, {3, 3}}),
                shape(8, new double[][] {{0, 0}, {1, 1}, {2, 2}}));
        Path file = zip("lignes.zip", "lignes", shp(3, lines), dbf(0, Charset.forName("UTF-8"), "a|1", "b|2",
                "c|3"), WGS84);
        Analysis la = TableReaders.standard().analyse(SourceFile.of(file), ReadOptions.DEFAULT, ReadListener.NONE);
        List<Geometry> geometries = read(file, la).stream().map(Row::geometry).toList();
        assertThat(geometries).extracting(Geometry::getGeometryType)
                .containsExactly("LineString", "MultiLineString", "MultiPoint");
    }

    @Test
    void withoutPrjTheCrsIsGuessedFromTheExtentAndReported() throws IOException {
        List<byte[]> records = List.of(shape(1, new double[][] {{704000, 7059000}}));
        ByteBuffer fixed = ByteBuffer.wrap(shp(1, records)).order(ByteOrder.LITTLE_ENDIAN);
        fixed.putDouble(36, 704000).putDouble(44, 7059000).putDouble(52, 704000).putDouble(60, 7059000);
        Path file = zip("l93.zip", "l93", fixed.array(), dbf(0, Charset.forName("UTF-8"), "Lille|1"), null);
        Analysis a = TableReaders.standard().analyse(SourceFile.of(file), ReadOptions.DEFAULT, ReadListener.NONE);
        assertThat(a.plan().settings().sourceSrid()).isEqualTo(Crs.LAMBERT_93);
        assertThat(a.hasWarning("missing-prj")).isTrue();
        assertThat(read(file, a).get(0).geometry().getCoordinate().x).isBetween(3.05, 3.06);
    }
}
