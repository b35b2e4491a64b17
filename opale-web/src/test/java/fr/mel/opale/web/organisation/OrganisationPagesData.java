package fr.mel.opale.web.organisation;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.access.organisation.Organisations;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.catalog.model.RecordKind;
import fr.mel.opale.catalog.model.RelatedRecord;
import fr.mel.opale.catalog.model.SpatialExtent;
import java.util.List;
import java.util.UUID;

/**
 * One organisation of its own (a fresh slug per run, under Lille, with a logo and a presentation) owning five
 * records: three public — a dataset with an extent, a table, a reuse citing the dataset and the restricted record —
 * and two restricted — a dataset and a second reuse citing the public dataset. An anonymous visitor may see three.
 */
final class OrganisationPagesData {
    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String slug = "commune-test-" + run;
    final String name = "Commune d’essai " + run;
    final String dataset = "org-jeu-" + run;
    final String table = "org-table-" + run;
    final String reuse = "org-reutilisation-" + run;
    final String secret = "org-secret-" + run;
    final String secretReuse = "org-reutilisation-secrete-" + run;
    final String secretTitle = "Réseau confidentiel " + run;
    final String secretReuseTitle = "Étude interne " + run;
    final BoundingBox extent = new BoundingBox(2.9, 50.55, 3.2, 50.75);

    OrganisationPagesData(Organisations organisations, Catalog catalog, AccessPolicy policy) {
        policy.asPlatform(() -> {
            organisations.create(slug, name, null, "lille");
            organisations.setLogo(slug, "https://exemple.fr/logos/" + run + ".png");
            organisations.setDescription(slug, "La commune publie ses **données ouvertes**.\n\nDepuis 2024.");
            catalog.create(CatalogRecord.builder(dataset).kind(RecordKind.DATASET)
                    .title(LocalizedText.of("fr", "Arbres d’alignement " + run))
                    .description(LocalizedText.of("fr", "Les arbres des rues de la commune."))
                    .spatialExtent(new SpatialExtent(extent, null, List.of()))
                    .build(), Visibility.PUBLIC, slug);
            catalog.create(CatalogRecord.builder(table).kind(RecordKind.NON_GEOGRAPHIC_DATASET)
                    .title(LocalizedText.of("fr", "Budget primitif " + run))
                    .description(LocalizedText.of("fr", "Le budget voté.")).build(), Visibility.PUBLIC, slug);
            catalog.create(CatalogRecord.builder(secret).kind(RecordKind.DATASET)
                    .title(LocalizedText.of("fr", secretTitle))
                    .description(LocalizedText.of("fr", "Ouvrages protégés.")).build(), Visibility.RESTRICTED, slug);
            catalog.create(CatalogRecord.builder(reuse).kind(RecordKind.REUSE)
                    .title(LocalizedText.of("fr", "Carte des arbres remarquables " + run))
                    .description(LocalizedText.of("fr", "Une réutilisation des arbres d’alignement."))
                    .addRelatedRecord(new RelatedRecord(dataset, null, null, "crossReference"))
                    .addRelatedRecord(new RelatedRecord(secret, null, null, "source"))
                    .build(), Visibility.PUBLIC, slug);
            catalog.create(CatalogRecord.builder(secretReuse).kind(RecordKind.REUSE)
                    .title(LocalizedText.of("fr", secretReuseTitle))
                    .description(LocalizedText.of("fr", "Réservée aux agents."))
                    .addRelatedRecord(new RelatedRecord(dataset, null, null, "crossReference"))
                    .build(), Visibility.RESTRICTED, slug);
            return null;
        });
    }

    List<String> publicRecords() {
        return List.of(dataset, table, reuse);
    }

    List<String> allRecords() {
        return List.of(dataset, table, reuse, secret, secretReuse);
    }
}
