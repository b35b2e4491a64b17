package fr.mel.opale.ogcapi.filter;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.Dataset;
import fr.mel.opale.data.DatasetSchema;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.data.GeometryInfo;
import fr.mel.opale.geo.GeometryType;
import fr.mel.opale.data.LoadOptions;
import fr.mel.opale.data.Row;
import fr.mel.opale.data.RowSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * The fixture of the CQL2 conformance tables: seventeen places, each with a name (accents, ligatures, letters that do
 * not decompose, LIKE's wildcards), a population, an area, a capital flag, a foundation date, a period
 * ({@code start}/{@code end}) and a geometry (points either side of the antimeridian, a line, a polygon), some values
 * null. The periods sit around {@link #PERIOD} so that every one of Allen's relations holds for at least one place.
 * The tables compute their expected rows from these Java values, never from the database.
 */
final class Cql2Places {
    /** The reference interval the temporal table compares periods with: 2021-04-16, 10:00 to 12:00 UTC. */
    static final Instant PERIOD_START = Instant.parse("2021-04-16T10:00:00Z");
    static final Instant PERIOD_END = Instant.parse("2021-04-16T12:00:00Z");

    /** One place, as the tables' expectations read it. */
    record Place(long fid, @Nullable String name, @Nullable Long pop, @Nullable BigDecimal area,
                 @Nullable Boolean capital, @Nullable LocalDate founded, @Nullable Instant start,
                 @Nullable Instant end, @Nullable Geometry geom) {
    }

    static final List<Place> PLACES = List.of(
            place(1, "Lille", 236_000L, "34.8", false, "2001-03-15", "10:00", "12:00", "POINT(3.06 50.63)"),
            place(2, "Roubaix", 98_000L, "13.2", false, "2001-03-16", "08:00", "2021-04-17T00:00:00Z", "POINT(3.17 50.69)"),
            place(3, "Pérenchies", 8_500L, "5.9", false, "2002-01-01", "09:00", "11:00", "POINT(2.97 50.67)"),
            place(4, "Œuvre d'Øresund", 12L, "0.5", true, null, null, null, "POINT(12.6 55.7)"),
            place(5, "Straße", null, null, null, "2001-03-15", "10:00", "12:00", "LINESTRING(2 50, 4 51)"),
            place(6, "Chișinău", 635_000L, "123.0", true, "2003-05-05", "10:00", "11:00",
                    "POLYGON((28.7 46.9, 29 46.9, 29 47.1, 28.7 47.1, 28.7 46.9))"),
            place(7, "Łódź", 670_000L, "293.25", false, "2003-05-06", "11:00", "12:00", "POINT(19.46 51.76)"),
            place(8, "Fidji Est", 500L, "1.0", false, "2010-01-01", "2022-01-01T00:00:00Z", "2022-12-31T00:00:00Z",
                    "POINT(179.5 -17)"),
            place(9, "Fidji Ouest", 600L, "2.0", false, "2010-01-02", "2020-01-01T00:00:00Z", "2020-06-01T00:00:00Z",
                    "POINT(-179.5 -17)"),
            place(10, "Null Island", 0L, "0", false, "1999-12-31", "12:00", "13:00", "POINT(0 0)"),
            place(11, "ÉCOLE", null, null, null, null, null, null, null),
            place(12, "Taux 100% a_b", 100L, "100", false, "2005-05-05", "10:30", "11:30", "POINT(3.1 50.6)"),
            place(13, "Mons", 95_000L, "146.5", false, "2004-01-01", "10:30", "11:30", "POINT(3.95 50.45)"),
            place(14, "Tournai", 69_000L, "213.8", false, "2004-01-02", "11:00", "13:00", "POINT(3.39 50.6)"),
            place(15, "Arras", 41_000L, "11.6", true, "2004-01-03", "08:00", "10:00", "POINT(2.78 50.29)"),
            place(16, "Douai", 39_000L, "16.9", false, "2004-01-04", "10:00", "14:00", "POINT(3.08 50.37)"),
            place(17, "Lens", 31_000L, "11.7", false, "2004-01-05", "07:00", "12:00", "POINT(2.83 50.43)"));

    private Cql2Places() {
    }

    /** A time of day on 2021-04-16 (UTC), or a full timestamp. */
    private static @Nullable Instant at(@Nullable String time) {
        if (time == null) {
            return null;
        }
        return time.length() == 5 ? Instant.parse("2021-04-16T" + time + ":00Z") : Instant.parse(time);
    }

    private static Place place(long fid, String name, @Nullable Long pop, @Nullable String area,
                               @Nullable Boolean capital, @Nullable String founded, @Nullable String start,
                               @Nullable String end, @Nullable String wkt) {
        try {
            Geometry geometry = wkt == null ? null : new WKTReader().read(wkt);
            return new Place(fid, name, pop, area == null ? null : new BigDecimal(area), capital,
                    founded == null ? null : LocalDate.parse(founded), at(start), at(end), geometry);
        } catch (ParseException e) {
            throw new IllegalArgumentException(wkt, e);
        }
    }

    /** The ids of the places {@code expected} holds for, in order. */
    static List<Long> ids(Predicate<Place> expected) {
        return PLACES.stream().filter(expected).map(Place::fid).collect(Collectors.toList());
    }

    /** Loads the places as a public collection; returns its dataset. */
    static Dataset load(Datasets datasets, Catalog catalog, AccessPolicy policy) {
        String title = "Lieux CQL2 " + UUID.randomUUID().toString().substring(0, 8);
        String recordId = "rec-cql2-" + UUID.randomUUID();
        return policy.asPlatform(() -> {
            catalog.create(CatalogRecord.builder(recordId).title(LocalizedText.of("fr", title)).build(), Visibility.PUBLIC);
            Dataset dataset = datasets.create(title, recordId);
            DatasetSchema schema = DatasetSchema.of(List.of(Column.of("name", ColumnType.TEXT),
                    Column.of("pop", ColumnType.INTEGER), Column.of("area", ColumnType.DECIMAL),
                    Column.of("capital", ColumnType.BOOLEAN), Column.of("founded", ColumnType.DATE),
                    Column.of("start", ColumnType.TIMESTAMP), Column.of("end", ColumnType.TIMESTAMP)),
                    GeometryInfo.wgs84(GeometryType.GEOMETRY));
            datasets.load(dataset.id(), schema, RowSource.of(PLACES.stream().map(p -> new Row(new Object[] {p.name(),
                    p.pop(), p.area(), p.capital(), p.founded(),
                    p.start() == null ? null : p.start().atOffset(ZoneOffset.UTC),
                    p.end() == null ? null : p.end().atOffset(ZoneOffset.UTC)}, p.geom()))), LoadOptions.defaults());
            return dataset;
        });
    }
}
