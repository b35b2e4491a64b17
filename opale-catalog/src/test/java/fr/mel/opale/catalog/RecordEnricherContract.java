package fr.mel.opale.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.LocalizedText;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

/**
 * {@link Catalog} passes every record through the {@link RecordEnricher} beans, in order, on create, update and
 * upsert, and stores the enriched record.
 */
@SpringBootTest(classes = {CatalogTestApplication.class, RecordEnricherContract.Enrichers.class})
abstract class RecordEnricherContract {
    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;

    @TestConfiguration
    static class Enrichers {
        /** Adds "enrichi" once (idempotent), except on records asking for a bad identifier change. */
        @Bean
        @Order(1)
        RecordEnricher tagging() {
            return record -> {
                if (record.title().textOr("").contains("change-id")) {
                    return record.toBuilder().id(record.id() + "-autre").build();
                }
                boolean tagged = record.keywords().stream().anyMatch(k -> "enrichi".equals(k.label().text()));
                return tagged ? record : record.toBuilder().addKeyword(Keyword.free("fr", "enrichi")).build();
            };
        }

        /** Runs second: sees the first one's keyword. */
        @Bean
        @Order(2)
        RecordEnricher counting() {
            return record -> record.toBuilder().topicCategories(List.of("k" + record.keywords().size())).build();
        }
    }

    @Test
    void createUpdateAndUpsertStoreTheEnrichedRecordInOrder() {
        policy.asPlatform(() -> {
            CatalogRecord record = CatalogRecord.builder("enricher-1").title(LocalizedText.of("fr", "Enrichie")).build();
            StoredRecord created = catalog.create(record, Visibility.PUBLIC);
            assertThat(created.record().keywords()).extracting(k -> k.label().text()).containsExactly("enrichi");
            assertThat(created.record().topicCategories()).containsExactly("k1");
            assertThat(catalog.get("enricher-1").record().keywords()).hasSize(1);

            StoredRecord updated = catalog.update(created.record(), created.version(), null);
            assertThat(updated.record().keywords()).hasSize(1);
            assertThat(updated.record().topicCategories()).containsExactly("k1");

            Catalog.Upserted upserted = catalog.upsert(CatalogRecord.builder("enricher-2")
                    .title(LocalizedText.of("fr", "Importée")).addKeyword(Keyword.free("fr", "eau")).build());
            assertThat(upserted.record().record().keywords()).extracting(k -> k.label().text())
                    .containsExactly("eau", "enrichi");
            assertThat(upserted.record().record().topicCategories()).containsExactly("k2");
            return null;
        });
    }

    @Test
    void anEnricherMayNotChangeTheIdentifier() {
        policy.asPlatform(() -> {
            CatalogRecord record = CatalogRecord.builder("enricher-3").title(LocalizedText.of("fr", "change-id")).build();
            assertThatThrownBy(() -> catalog.create(record, Visibility.PUBLIC)).isInstanceOf(IllegalStateException.class);
            assertThat(catalog.find("enricher-3")).isEmpty();
            return null;
        });
    }
}
