package fr.mel.opale.web.ogcapi;

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
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Published datasets for the OGC API pages, loaded through opale-data (no file ingestion): 150 bicycle racks
 * (points around Lille) whose title and one value are hostile markup, a 12-row table, and a dataset without record
 * (hidden: administrators only). Unique titles, so the shared test context may hold several sets.
 */
final class OgcPagesData {
    static final int GEO_ROWS = 150;
    static final int TABLE_ROWS = 12;
    static final String HOSTILE = "<script>alert('x')</script> & \"co\"";
    private static final GeometryFactory JTS = new GeometryFactory();

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String geoTitle = "Arceaux vélo " + suffix + " " + HOSTILE;
    final String tableTitle = "Budget pages " + suffix;
    final String hiddenTitle = "Secret pages " + suffix;
    final String geoRecord = "rec-ogc-pages-" + suffix;
    final Dataset geo;
    final Dataset table;
    final Dataset hidden;

    OgcPagesData(Datasets datasets, Catalog catalog, AccessPolicy policy) {
        geo = policy.asPlatform(() -> {
            catalog.create(CatalogRecord.builder(geoRecord).title(LocalizedText.of("fr", geoTitle))
                    .description(LocalizedText.of("fr", "Les arceaux de la MEL. " + HOSTILE)).build(),
                    Visibility.PUBLIC);
            return datasets.create(geoTitle, geoRecord);
        });
        table = policy.asPlatform(() -> {
            String record = "rec-ogc-pages-table-" + suffix;
            catalog.create(CatalogRecord.builder(record).title(LocalizedText.of("fr", tableTitle)).build(),
                    Visibility.PUBLIC);
            return datasets.create(tableTitle, record);
        });
        hidden = policy.asPlatform(() -> datasets.create(hiddenTitle, null));
        DatasetSchema geoSchema = DatasetSchema.of(List.of(new Column("nom", "Nom", ColumnType.TEXT),
                Column.of("places", ColumnType.INTEGER)), GeometryInfo.wgs84(GeometryType.POINT));
        policy.asPlatform(() -> datasets.load(geo.id(), geoSchema, RowSource.of(LongStream.rangeClosed(1, GEO_ROWS)
                .mapToObj(i -> new Row(new Object[] {i == 1 ? HOSTILE : "Arceau " + i, i % 7},
                        JTS.createPoint(new Coordinate(3.0 + (i % 15) * 0.01, 50.6 + (i / 15) * 0.005))))),
                LoadOptions.defaults()));
        DatasetSchema tableSchema = DatasetSchema.of(List.of(Column.of("libelle", ColumnType.TEXT),
                Column.of("montant", ColumnType.DECIMAL)), null);
        policy.asPlatform(() -> datasets.load(table.id(), tableSchema, RowSource.of(LongStream
                .rangeClosed(1, TABLE_ROWS).mapToObj(i -> new Row(new Object[] {"Ligne " + i, new BigDecimal(i)}, null))),
                LoadOptions.defaults()));
        policy.asPlatform(() -> datasets.load(hidden.id(), tableSchema, RowSource.of(LongStream.rangeClosed(1, 2)
                .mapToObj(i -> new Row(new Object[] {"Secret " + i, BigDecimal.ONE}, null))), LoadOptions.defaults()));
    }
}
