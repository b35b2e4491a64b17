package fr.mel.opale.web.admin;

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
import fr.mel.opale.data.LoadOptions;
import fr.mel.opale.data.Row;
import fr.mel.opale.data.RowSource;
import java.util.List;

/**
 * A public record owned by {@code owner} describing a three-row table ({@code nom}, {@code code_insee},
 * {@code telephone}): two rows of commune {@code insee}, one of another code — for the rules' screen.
 */
final class RuledDataset {
    final String record;
    final Dataset dataset;

    RuledDataset(Catalog catalog, Datasets datasets, AccessPolicy policy, String run, String owner, String insee) {
        record = "regles-" + run;
        dataset = policy.asPlatform(() -> {
            catalog.create(CatalogRecord.builder(record).title(LocalizedText.of("fr", "Annuaire " + run)).build(),
                    Visibility.PUBLIC, owner);
            return datasets.create("Annuaire " + run, record);
        });
        DatasetSchema schema = DatasetSchema.of(List.of(Column.of("nom", ColumnType.TEXT),
                Column.of("code_insee", ColumnType.TEXT), Column.of("telephone", ColumnType.TEXT)), null);
        policy.asPlatform(() -> datasets.load(dataset.id(), schema, RowSource.of(List.of(
                new Row(new Object[] {"Mairie", insee, "0320000001"}, null),
                new Row(new Object[] {"École", insee, "0320000002"}, null),
                new Row(new Object[] {"Ailleurs", "00000", "0320000003"}, null)).stream()), LoadOptions.defaults()));
    }
}
