package fr.mel.opale.web.dataset;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.catalog.model.OnlineResource;
import fr.mel.opale.catalog.model.RecordKind;
import fr.mel.opale.catalog.model.ResourceKind;
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
import java.util.List;
import java.util.UUID;
import java.util.stream.LongStream;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A published dataset for the dataset page tests, loaded through opale-data: {@code rows} equipment points around
 * Lille (commune, population, tarif, date d'ouverture, ouvert), its public record with a Markdown description (a
 * heading, emphasis and a table), and a service record without data that lists a download by its protocol code.
 * Unique ids, so the shared test context may hold several sets.
 */
final class DatasetPageData {
    static final String[] TOWNS = {"Lille", "Roubaix", "Tourcoing", "Villeneuve-d'Ascq", "Croix", "Hem"};
    private static final GeometryFactory JTS = new GeometryFactory();

    final String suffix = UUID.randomUUID().toString().substring(0, 8);
    final String recordId = "rec-fiche-" + suffix;
    final String serviceId = "rec-service-" + suffix;
    final String title = "Équipements " + suffix;
    final Dataset dataset;

    DatasetPageData(Datasets datasets, Catalog catalog, AccessPolicy policy, int rows) {
        dataset = policy.asPlatform(() -> {
            catalog.create(CatalogRecord.builder(recordId).title(LocalizedText.of("fr", title))
                    .description(LocalizedText.of("fr", "## Contenu\n\nLes *équipements* de la MEL.\n\n"
                            + "| colonne | sens |\n|---|---|\n| tarif | en euros |\n")).build(), Visibility.PUBLIC);
            catalog.create(CatalogRecord.builder(serviceId).kind(RecordKind.SERVICE)
                    .title(LocalizedText.of("fr", "Service " + suffix))
                    .onlineResources(List.of(new OnlineResource("https://exemple.fr/donnees.zip",
                            "WWW:DOWNLOAD-1.0-http--download", "Archive", null, "application/zip",
                            ResourceKind.DOWNLOAD, null)))
                    .build(), Visibility.PUBLIC);
            return datasets.create(title, recordId);
        });
        DatasetSchema schema = DatasetSchema.of(List.of(new Column("commune", "Commune", ColumnType.TEXT),
                new Column("population", "Population municipale", ColumnType.INTEGER),
                new Column("tarif", "Tarif (€)", ColumnType.DECIMAL),
                new Column("ouverture", "Date d'ouverture", ColumnType.DATE),
                new Column("ouvert", "Ouvert", ColumnType.BOOLEAN)), GeometryInfo.wgs84(GeometryType.POINT));
        policy.asPlatform(() -> datasets.load(dataset.id(), schema, RowSource.of(LongStream.rangeClosed(1, rows)
                .mapToObj(i -> new Row(new Object[] {TOWNS[(int) ((i * i) % TOWNS.length)], (i * 7919) % 100_000,
                        i % 9 == 0 ? null : BigDecimal.valueOf(i % 500, 1), LocalDate.of(2020, 1, 1).plusDays(i % 1500),
                        i % 3 != 0}, JTS.createPoint(new Coordinate(3.0 + (i % 100) * 0.002, 50.6 + (i / 100 % 100) * 0.001))))),
                LoadOptions.defaults().withExpectedRows(rows)));
    }

    String table() {
        return "ds_" + dataset.id() + "_v1";
    }
}
