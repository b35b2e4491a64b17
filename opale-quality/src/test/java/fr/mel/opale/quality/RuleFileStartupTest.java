package fr.mel.opale.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.quality.rules.InvalidRuleSet;
import fr.mel.opale.quality.rules.RuleSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;

/**
 * The rule file as the application starts: where it is found, a bad file stopping the start with its file, line
 * and rule, and a changed file re-scoring every record at the next start. Each test boots the real application
 * (several times, on one in-memory H2 database that outlives the contexts).
 */
class RuleFileStartupTest {
    static final String RULES = """
            rules:
              - id: title
                label: {fr: "Titre", en: "Title"}
                hint: {fr: "Donnez un titre.", en: "Give a title."}
                weight: %d
                check: {type: present, field: title}
              - id: keywords
                label: {fr: "Mots-clés", en: "Keywords"}
                hint: {fr: "Ajoutez des mots-clés.", en: "Add keywords."}
                weight: %d
                check: {type: present, field: keywords}
            """;

    @TempDir
    Path dir;
    final String database = "jdbc:h2:mem:quality-start-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Test
    void anInvalidRuleFileStopsTheStartNamingFileLineAndRule() throws Exception {
        Path file = dir.resolve("bad-rules.yml");
        Files.writeString(file, RULES.formatted(50, 50).replace("type: present, field: keywords",
                "type: present, field: motscles"));
        assertThatThrownBy(() -> start("--opale.quality.rules=" + file).close())
                .satisfies(e -> {
                    Throwable root = NestedExceptionUtils.getMostSpecificCause(e);
                    assertThat(root).isInstanceOf(InvalidRuleSet.class);
                    assertThat(root.getMessage()).contains(file.toString(), "ligne 11", "règle « keywords »",
                            "champ inconnu « motscles »");
                });

        Files.writeString(file, RULES.formatted(50, 40));
        assertThatThrownBy(() -> start("--opale.quality.rules=" + file).close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                        .contains(file.toString(), "ligne 7", "règle « keywords »", "totalisent 90 au lieu de 100"));

        assertThatThrownBy(() -> start("--opale.quality.rules=" + dir.resolve("absent.yml")).close())
                .satisfies(e -> assertThat(NestedExceptionUtils.getMostSpecificCause(e).getMessage())
                        .contains("absent.yml", "fichier introuvable"));
    }

    @Test
    void theDataDirectoryFileReplacesTheDefaultsAndTheExplicitPathWinsOverIt() throws Exception {
        Files.writeString(dir.resolve("quality-rules.yml"), RULES.formatted(30, 70));
        try (ConfigurableApplicationContext context = start("--opale.data.dir=" + dir)) {
            assertThat(context.getBean(RuleSet.class).source()).isEqualTo(dir.resolve("quality-rules.yml").toString());
        }
        Path explicit = dir.resolve("explicit.yml");
        Files.writeString(explicit, RULES.formatted(60, 40));
        try (ConfigurableApplicationContext context = start("--opale.data.dir=" + dir,
                "--opale.quality.rules=" + explicit)) {
            assertThat(context.getBean(RuleSet.class).source()).isEqualTo(explicit.toString());
        }
    }

    @Test
    void changedRulesReScoreEveryRecordAtTheNextStartAndOnlyThen() throws Exception {
        Path file = dir.resolve("rules.yml");
        Files.writeString(file, RULES.formatted(50, 50));
        try (ConfigurableApplicationContext context = start("--opale.quality.rules=" + file)) {
            AccessPolicy policy = context.getBean(AccessPolicy.class);
            Catalog catalog = context.getBean(Catalog.class);
            policy.asPlatform(() -> catalog.create(CatalogRecord.builder("start-1")
                    .title(LocalizedText.of("fr", "Fiche sans mot-clé")).build(), Visibility.PUBLIC));
            assertThat(score(context, "start-1")).isEqualTo(50);
        }

        Files.writeString(file, RULES.formatted(20, 80));
        Instant rescoredAt;
        try (ConfigurableApplicationContext context = start("--opale.quality.rules=" + file)) {
            assertThat(context.getBean(Rescores.class).events).hasSize(1);
            assertThat(score(context, "start-1")).as("re-scored with the new weights").isEqualTo(20);
            rescoredAt = context.getBean(QualityScores.class).report("start-1").orElseThrow().computedAt();
        }

        try (ConfigurableApplicationContext context = start("--opale.quality.rules=" + file)) {
            assertThat(context.getBean(Rescores.class).events).as("same rules: no re-score").isEmpty();
            assertThat(context.getBean(QualityScores.class).report("start-1").orElseThrow().computedAt())
                    .isEqualTo(rescoredAt);
        }
    }

    private ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of("--spring.datasource.url=" + database, "--server.port=0"));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(QualityTestApplication.class, Rescores.class)
                .run(all.toArray(String[]::new));
    }

    private static int score(ConfigurableApplicationContext context, String id) {
        return context.getBean(QualityScores.class).report(id).orElseThrow().score();
    }

    /** Collects {@link QualityRescored} from the application's start. */
    static class Rescores {
        final List<QualityRescored> events = new ArrayList<>();

        @org.springframework.context.event.EventListener
        void on(QualityRescored event) {
            events.add(event);
        }
    }
}
