package fr.mel.opale.data;

import fr.mel.opale.geo.GeometryType;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.data.internal.TableStore;
import fr.mel.opale.testing.OnPostgis;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ByteOrderValues;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Loads go to PostgreSQL as binary COPY: edge values must land exactly as the text COPY of before stored them. Each
 * cell read back (as PostgreSQL's text output) is compared with what the server makes of the text the old writer
 * sent for that value — {@code LocalDate.toString}, {@code OffsetDateTime.toString}, EWKB hex, and for decimals
 * their plain text without trailing zeros after the point (stored by value, as on H2) — so scales, days and
 * instants are compared by the server itself, not by a Java re-reading.
 */
@OnPostgis
@SpringBootTest(classes = DataStoreContract.DataTestApplication.class)
class BinaryCopyPostgisTest {
    private static final DatasetSchema SCHEMA = new DatasetSchema(List.of(
            Column.of("n", ColumnType.INTEGER),
            Column.of("d", ColumnType.DECIMAL),
            Column.of("b", ColumnType.BOOLEAN),
            Column.of("day", ColumnType.DATE),
            Column.of("at", ColumnType.TIMESTAMP),
            Column.of("t", ColumnType.TEXT)),
            new GeometryInfo(GeometryType.GEOMETRY, "EPSG:4326"));

    @Autowired
    Datasets datasets;
    @Autowired
    AccessPolicy policy;
    @Autowired
    DataSource dataSource;
    @Autowired
    TableStore store;

    @Test
    void edgeValuesLandAsTheTextFormatStoredThem() throws Exception {
        WKTReader wkt = new WKTReader();
        List<Object> integers = List.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 42L);
        List<BigDecimal> decimals = Arrays.stream(new String[] {"0", "0.00", "-0.5", "12.30", "1E-20",
            "123456789012345678901234.5678", "-98765432109876543210.012345678901234567890", "1E+3", "-1.5E+7",
            "0.0001", "9999.9999", "10000", "-0.00010", "1.5E-300", "1E+999", "1E-999", "9223372036854775807.123",
            "-9223372036854775808", "3.14159265358979323846264338327950288"}).map(BigDecimal::new).toList();
        List<Object> booleans = List.of(true, false);
        List<LocalDate> dates = List.of(LocalDate.of(2000, 1, 1), LocalDate.of(1999, 12, 31), LocalDate.of(1970, 1, 1),
                LocalDate.of(1899, 12, 31), LocalDate.of(1, 1, 1), LocalDate.of(1582, 10, 4), LocalDate.of(2100, 3, 1),
                LocalDate.of(2400, 2, 29), LocalDate.of(9999, 12, 31));
        List<OffsetDateTime> timestamps = Arrays.stream(new String[] {"2000-01-01T00:00Z",
            "1969-12-31T23:59:59.999999Z", "1900-01-01T00:00+00:09:21", "2024-03-31T02:30+02:00",
            "1950-06-15T12:34:56.123456-03:30", "0001-01-01T00:00Z", "2262-04-12T00:00:00.000001-05:00",
            "9999-12-31T23:59:59.999999+14:00", "1999-12-31T23:59:59.999999-12:00"})
                .map(OffsetDateTime::parse).toList();
        List<String> texts = List.of("", "Tab\there", "new\nline\r\nreturn", "back\\slash \\N \\. end", "\\",
                "é à ç œ Œ ß", "🚲 vélo 🚲", "'quoted' \"double\"", "é".repeat(600_000), "x".repeat(70_000),
                "nul\u0000byte");
        List<Geometry> geometries = Arrays.asList(
                wkt.read("POINT (3.0573 50.6292)"),
                wkt.read("POLYGON ((3.0 50.6, 3.1 50.6, 3.1 50.7, 3.0 50.7, 3.0 50.6), "
                        + "(3.02 50.62, 3.08 50.62, 3.08 50.68, 3.02 50.68, 3.02 50.62))"),
                wkt.read("MULTIPOLYGON (((3.0 50.0, 3.1 50.0, 3.1 50.1, 3.0 50.0)), "
                        + "((3.2 50.2, 3.3 50.2, 3.3 50.3, 3.2 50.2)))"),
                wkt.read("MULTILINESTRING ((3.1 50.7, 3.2 50.8), (3.3 50.6, 3.4 50.5))"),
                wkt.read("MULTIPOINT ((-180 -90), (180 90))"),
                wkt.read("GEOMETRYCOLLECTION (POINT (2.9 50.5), LINESTRING (2.9 50.5, 3.0 50.6))"),
                null);
        int count = 1 + max(integers, decimals, booleans, dates, timestamps, texts, geometries);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // The last row is null everywhere, geometry included.
            rows.add(new Row(new Object[] {at(integers, i), at(decimals, i), at(booleans, i), at(dates, i),
                at(timestamps, i), at(texts, i)}, at(geometries, i)));
        }
        Dataset dataset = admin(() -> datasets.create("Binaire " + UUID.randomUUID(), null));
        LoadResult result = admin(() -> datasets.load(dataset.id(), SCHEMA, RowSource.of(rows.iterator()),
                LoadOptions.defaults()));
        assertThat(result.succeeded()).as("%s", result).isTrue();
        assertThat(result.version().rowCount()).isEqualTo(count);

        WKBWriter ewkb = new WKBWriter(2, ByteOrderValues.LITTLE_ENDIAN, true);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement stored = connection.prepareStatement("SELECT \"_fid\", \"n\"::text, \"d\"::text, "
                     + "\"b\"::text, \"day\"::text, \"at\"::text, \"t\", ST_AsEWKT(\"geom\") FROM "
                     + result.version().tableName() + " ORDER BY \"_fid\"");
             PreparedStatement fromText = connection.prepareStatement("SELECT CAST(? AS bigint)::text, "
                     + "CAST(? AS numeric)::text, CAST(? AS boolean)::text, CAST(? AS date)::text, "
                     + "CAST(? AS timestamptz)::text, ST_AsEWKT(CAST(? AS geometry))");
             ResultSet read = stored.executeQuery()) {
            int i = 0;
            while (read.next()) {
                assertThat(read.getLong(1)).isEqualTo(i + 1);
                Object[] values = rows.get(i).values();
                Geometry geometry = rows.get(i).geometry();
                for (int c = 0; c < 5; c++) {
                    fromText.setString(c + 1, textForm(values[c]));
                }
                if (geometry == null) {
                    fromText.setString(6, null);
                } else {
                    geometry.setSRID(4326);
                    fromText.setString(6, WKBWriter.toHex(ewkb.write(geometry)));
                }
                try (ResultSet expected = fromText.executeQuery()) {
                    expected.next();
                    for (int c = 0; c < 5; c++) {
                        assertThat(read.getString(c + 2)).as("row %d column %s: %s", i + 1,
                                SCHEMA.columns().get(c).name(), values[c]).isEqualTo(expected.getString(c + 1));
                    }
                    // NUL, which PostgreSQL refuses in a text, is dropped before (CellValues).
                    assertThat(read.getString(7)).as("row %d text", i + 1)
                            .isEqualTo(values[5] == null ? null : ((String) values[5]).replace("\0", ""));
                    assertThat(read.getString(8)).as("row %d geometry", i + 1).isEqualTo(expected.getString(6));
                }
                if (values[1] != null) {
                    // And not merely equal to the server's reading of the text: the very value, by its value —
                    // no trailing zero after the point (12.30 is 12.3), no exponent, as H2's DECFLOAT keeps it.
                    BigDecimal decimal = (BigDecimal) values[1];
                    BigDecimal kept = new BigDecimal(read.getString(3));
                    assertThat(kept).isEqualByComparingTo(decimal);
                    assertThat(kept.scale()).as("%s", decimal)
                            .isEqualTo(Math.max(0, decimal.stripTrailingZeros().scale()));
                }
                i++;
            }
            assertThat(i).isEqualTo(count);
        }
        assertThat(rows.get(count - 1).values()).containsOnlyNulls();
    }

    @Test
    void valuesRefusedByTheServerOrTheEncoderFailTheLoadCleanly() throws Exception {
        Dataset dataset = admin(() -> datasets.create("Binaire " + UUID.randomUUID(), null));
        List<Row> good = List.of(row(1, LocalDate.of(2024, 1, 1), BigDecimal.ONE), row(2, null, BigDecimal.TEN));
        assertThat(admin(() -> datasets.load(dataset.id(), SCHEMA, RowSource.of(good.iterator()),
                LoadOptions.defaults())).succeeded()).isTrue();

        // 4714 BC is within the int32 day count but before PostgreSQL's first date: the server's error ends the COPY.
        List<Row> early = new ArrayList<>();
        for (int i = 1; i <= 3000; i++) {
            early.add(row(i, i == 2500 ? LocalDate.of(-5000, 1, 1) : LocalDate.of(2024, 1, 1), BigDecimal.ONE));
        }
        LoadResult refused = admin(() -> datasets.load(dataset.id(), SCHEMA, RowSource.of(early.iterator()),
                LoadOptions.defaults()));
        assertThat(refused.version().status()).isEqualTo(VersionStatus.FAILED);
        assertThat(refused.version().message()).contains("Import échoué")
                .containsAnyOf("date out of range", "date en dehors des limites");

        // A scale numeric cannot hold is refused before it is sent, naming the column and the row.
        List<Row> tooFine = List.of(row(1, null, BigDecimal.ONE), row(2, null, new BigDecimal("1E-20000")));
        LoadResult scale = admin(() -> datasets.load(dataset.id(), SCHEMA, RowSource.of(tooFine.iterator()),
                LoadOptions.defaults()));
        assertThat(scale.version().status()).isEqualTo(VersionStatus.FAILED);
        assertThat(scale.version().message()).contains("ligne 2", "colonne « d »", "décimales");

        try (Connection connection = dataSource.getConnection()) {
            assertThat(store.versionTables(connection)).filteredOn(t -> t.startsWith("ds_" + dataset.id()))
                    .containsExactly("ds_" + dataset.id() + "_v1");
        }
        assertThat(admin(() -> datasets.find(dataset.id())).orElseThrow().currentVersion()).isEqualTo(1);
        assertThat(admin(() -> datasets.currentVersion(dataset.id())).orElseThrow().rowCount()).isEqualTo(2);
    }

    private static Row row(long n, @Nullable LocalDate day, BigDecimal d) {
        return new Row(new Object[] {n, d, true, day, null, "ligne " + n}, null);
    }

    /** What the text-format writer sent for a canonical value. */
    private static @Nullable String textForm(@Nullable Object value) {
        if (value instanceof Boolean b) {
            return b ? "t" : "f";
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return value == null ? null : value.toString();
    }

    private static <T> @Nullable T at(List<T> values, int i) {
        return i < values.size() ? values.get(i) : null;
    }

    private static int max(List<?>... lists) {
        return Arrays.stream(lists).mapToInt(List::size).max().orElse(0);
    }

    private <T> T admin(Supplier<T> work) {
        return policy.asPlatform(work);
    }
}
