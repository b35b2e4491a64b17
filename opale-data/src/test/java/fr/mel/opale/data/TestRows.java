package fr.mel.opale.data;

import fr.mel.opale.geo.GeometryType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Generated rows for tests: a small typed schema with points around Lille, any number of rows, no memory held. */
final class TestRows {
    static final GeometryFactory JTS = new GeometryFactory();
    static final DatasetSchema SCHEMA = new DatasetSchema(List.of(
            Column.of("n", ColumnType.INTEGER),
            new Column("montant", "Montant (€)", ColumnType.DECIMAL),
            Column.of("ouvert", ColumnType.BOOLEAN),
            Column.of("jour", ColumnType.DATE),
            Column.of("horodatage", ColumnType.TIMESTAMP),
            new Column("libelle", "Libellé", ColumnType.TEXT)),
            GeometryInfo.wgs84(GeometryType.POINT));

    private TestRows() {
    }

    /** {@code count} rows whose {@code libelle} starts with {@code label}; row i has n = i. */
    static RowSource generated(String label, long count) {
        return new RowSource() {
            private long i;

            @Override
            public @Nullable Row next() {
                if (i >= count) {
                    return null;
                }
                i++;
                return row(label, i);
            }
        };
    }

    static Row row(String label, long i) {
        return Row.of(JTS.createPoint(new Coordinate(3.0 + (i % 1000) / 10_000.0, 50.6 + (i % 777) / 10_000.0)),
                i, BigDecimal.valueOf(i, 2), i % 2 == 0, LocalDate.of(2024, 1, 1).plusDays(i % 365),
                OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusMinutes(i),
                label + " " + i);
    }
}
