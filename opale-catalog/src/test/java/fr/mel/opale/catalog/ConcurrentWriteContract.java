package fr.mel.opale.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.LocalizedText;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;

/**
 * Two editors saving the same record: the one whose write commits second, though it passed the version check
 * (the version it was given was current when its transaction read the record), fails with the version-conflict
 * problem instead of overwriting the other's change. The window is made deterministic with an enricher, which runs
 * between {@link Catalog#update}'s read and its write: for one marked record it has another thread update the same
 * record, in its own transaction, and waits for that to commit.
 */
@SpringBootTest(classes = {CatalogTestApplication.class, ConcurrentWriteContract.Interleaving.class})
abstract class ConcurrentWriteContract {
    static final String MARK = "écrite pendant une autre";

    @Autowired
    Catalog catalog;
    @Autowired
    AccessPolicy policy;

    @TestConfiguration
    static class Interleaving {
        /** The record whose next write is overtaken by a concurrent one (one at a time). */
        static final AtomicReference<String> OVERTAKEN = new AtomicReference<>();

        @Bean
        RecordEnricher concurrentWriter(Catalog catalog, AccessPolicy policy) {
            return record -> {
                if (record.id().equals(OVERTAKEN.getAndSet(null))) {
                    CompletableFuture.runAsync(() -> policy.asPlatform(() -> {
                        StoredRecord now = catalog.get(record.id());
                        return catalog.update(now.record().toBuilder()
                                .title(LocalizedText.of("fr", "L'autre écriture")).build(), now.version(), null);
                    })).join();
                }
                return record;
            };
        }
    }

    @Test
    void theSecondOfTwoConcurrentUpdatesFailsWithAVersionConflict() {
        policy.asPlatform(() -> {
            StoredRecord created = catalog.create(CatalogRecord.builder("concurrent-1")
                    .title(LocalizedText.of("fr", "Première")).build(), Visibility.PUBLIC);

            Interleaving.OVERTAKEN.set("concurrent-1");
            CatalogRecord mine = created.record().toBuilder().title(LocalizedText.of("fr", MARK)).build();
            assertThatThrownBy(() -> catalog.update(mine, created.version(), null))
                    .isInstanceOfSatisfying(CatalogProblem.class,
                            p -> assertThat(p.getStatusCode()).isEqualTo(HttpStatus.PRECONDITION_FAILED));

            StoredRecord stored = catalog.get("concurrent-1");
            assertThat(stored.record().title().textOr("")).isEqualTo("L'autre écriture");
            assertThat(stored.version()).isEqualTo(created.version() + 1);
            assertThat(stored.created()).isEqualTo(created.created());
            return null;
        });
    }

    @Test
    void anUpdateWithoutConcurrentWriteMovesTheVersionOnAndKeepsTheCreationTime() {
        policy.asPlatform(() -> {
            StoredRecord created = catalog.create(CatalogRecord.builder("concurrent-2")
                    .title(LocalizedText.of("fr", "Seule")).build(), Visibility.PUBLIC);
            StoredRecord updated = catalog.update(created.record().toBuilder()
                    .title(LocalizedText.of("fr", "Seule, modifiée")).build(), created.version(), Visibility.RESTRICTED);
            assertThat(updated.version()).isEqualTo(created.version() + 1);
            assertThat(updated.created()).isEqualTo(created.created());
            assertThat(updated.modified()).isAfterOrEqualTo(created.modified());

            StoredRecord read = catalog.get("concurrent-2");
            assertThat(read.version()).isEqualTo(updated.version());
            assertThat(read.created()).isEqualTo(created.created());
            assertThat(read.modified()).isEqualTo(updated.modified());
            assertThat(read.visibility()).isEqualTo(Visibility.RESTRICTED);
            assertThat(read.record().title().textOr("")).isEqualTo("Seule, modifiée");
            return null;
        });
    }
}
