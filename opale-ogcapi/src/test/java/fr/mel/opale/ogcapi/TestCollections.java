package fr.mel.opale.ogcapi;

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
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The collections the contract tests read, generated (no file ingestion needed): a geographic one of 250 points with
 * one column of each type, a non-geographic one of 25 rows, and an unpublished one (no record: administrators only).
 * Known values: feature i has code i, population 100·i, date_maj 2024-01-01 + (i-1) days, releve 2024-01-01T00:00Z +
 * i hours, a point at (3 + i/1000, 50.6); features 1–4 are "Lille", "Roubaix", "Pérenchies" and a hostile name.
 * Each load says how many rows it brings, as an import does: on PostGIS, a test that lowers
 * {@code opale.data.partition-rows} gets the geographic collection as a partitioned table.
 */
final class TestCollections {
    static final int GEO_ROWS = 250;
    static final int TABLE_ROWS = 25;
    static final int HIDDEN_ROWS = 3;
    static final String HOSTILE = "O'Brien\"); DROP TABLE dataset; --";
    private static final GeometryFactory JTS = new GeometryFactory();

    final Dataset geo;
    final Dataset table;
    final Dataset hidden;

    TestCollections(Datasets datasets, Catalog catalog, AccessPolicy policy) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        geo = policy.asPlatform(() -> publish(datasets, catalog, "Communes test " + suffix, Visibility.PUBLIC));
        table = policy.asPlatform(() -> publish(datasets, catalog, "Budget test " + suffix, Visibility.PUBLIC));
        hidden = policy.asPlatform(() -> datasets.create("Secret test " + suffix, null));
        DatasetSchema geoSchema = DatasetSchema.of(List.of(
                new Column("nom", "Nom de la commune", ColumnType.TEXT),
                Column.of("code", ColumnType.INTEGER),
                Column.of("population", ColumnType.INTEGER),
                Column.of("surface", ColumnType.DECIMAL),
                Column.of("ouvert", ColumnType.BOOLEAN),
                new Column("date_maj", "Date de mise à jour", ColumnType.DATE),
                Column.of("releve", ColumnType.TIMESTAMP)), GeometryInfo.wgs84(GeometryType.POINT));
        policy.asPlatform(() -> datasets.load(geo.id(), geoSchema, RowSource.of(LongStream.rangeClosed(1, GEO_ROWS)
                .mapToObj(TestCollections::geoRow)), LoadOptions.defaults().withExpectedRows(GEO_ROWS)));
        DatasetSchema tableSchema = DatasetSchema.of(List.of(Column.of("libelle", ColumnType.TEXT),
                Column.of("montant", ColumnType.DECIMAL), Column.of("annee", ColumnType.INTEGER)), null);
        policy.asPlatform(() -> datasets.load(table.id(), tableSchema, RowSource.of(LongStream.rangeClosed(1, TABLE_ROWS)
                .mapToObj(i -> new Row(new Object[] {"Ligne " + i, new BigDecimal(i).multiply(new BigDecimal("1.5")),
                        2000 + i % 5}, null))), LoadOptions.defaults().withExpectedRows(TABLE_ROWS)));
        policy.asPlatform(() -> datasets.load(hidden.id(), tableSchema, RowSource.of(LongStream.rangeClosed(1,
                HIDDEN_ROWS).mapToObj(i -> new Row(new Object[] {"Secret " + i, BigDecimal.ONE, 2020L}, null))),
                LoadOptions.defaults().withExpectedRows(HIDDEN_ROWS)));
    }

    private static Dataset publish(Datasets datasets, Catalog catalog, String title, Visibility visibility) {
        String recordId = "rec-ogc-" + UUID.randomUUID();
        catalog.create(CatalogRecord.builder(recordId).title(LocalizedText.of("fr", title)).build(), visibility);
        return datasets.create(title, recordId);
    }

    static String name(long i) {
        return switch ((int) i) {
            case 1 -> "Lille";
            case 2 -> "Roubaix";
            case 3 -> "Pérenchies";
            case 4 -> HOSTILE;
            default -> "Commune " + i;
        };
    }

    private static Row geoRow(long i) {
        return new Row(new Object[] {name(i), i, i * 100, new BigDecimal(i + ".5"), i % 2 == 0,
                LocalDate.of(2024, 1, 1).plusDays(i - 1),
                OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusHours(i)},
                JTS.createPoint(new Coordinate(3 + i / 1000.0, 50.6)));
    }
}
