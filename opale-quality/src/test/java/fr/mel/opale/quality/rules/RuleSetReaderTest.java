package fr.mel.opale.quality.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mel.opale.catalog.model.RecordKind;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Reading rule files: the format, the defaults, and every bad input naming its file, line and rule. */
class RuleSetReaderTest {
    static final String TWO_RULES = """
            rules:
              - id: title
                label: {fr: "Titre", en: "Title"}
                hint: {fr: "Donnez un titre.", en: "Give a title."}
                weight: 40
                check: {type: present, field: title}
              - id: description
                label: {fr: "Description", en: "Description"}
                hint: {fr: "Décrivez.", en: "Describe."}
                weight: 60
                check: {type: length, field: description, min: 10}
            """;

    @Test
    void readsRulesWithTheirChecksAndAppliesThemToEveryKindWithoutKinds() {
        RuleSet rules = RuleSetReader.read("test.yml", TWO_RULES);
        assertThat(rules.rules()).extracting(QualityRule::id).containsExactly("title", "description");
        assertThat(rules.rules().get(1).check()).isEqualTo(new TextLength(RecordField.DESCRIPTION, 10, null));
        assertThat(rules.rulesFor(RecordKind.SERVICE)).hasSize(2);
        assertThat(rules.rules().get(0).label().en()).isEqualTo("Title");
        assertThat(rules.fingerprint()).hasSize(64)
                .isEqualTo(RuleSetReader.read("other-name.yml", TWO_RULES).fingerprint())
                .isNotEqualTo(RuleSetReader.read("test.yml", TWO_RULES.replace("min: 10", "min: 11")).fingerprint());
    }

    @Test
    void weightsPerKindAndKindListsInAnySpelling() {
        RuleSet rules = RuleSetReader.read("test.yml", """
                rules:
                  - id: a
                    label: {fr: A, en: A}
                    hint: {fr: A, en: A}
                    weight: {dataset: 30, nonGeographicDataset: 100}
                    check: {type: present, field: title}
                  - id: b
                    label: {fr: B, en: B}
                    hint: {fr: B, en: B}
                    weight: 70
                    kinds: [DATASET]
                    check: {type: anyOf, checks: [{type: lineage}, {type: preview, linkKinds: [download]}]}
                """);
        assertThat(rules.rulesFor(RecordKind.DATASET)).hasSize(2);
        assertThat(rules.rulesFor(RecordKind.NON_GEOGRAPHIC_DATASET)).extracting(QualityRule::id).containsExactly("a");
        assertThat(rules.rulesFor(RecordKind.SERVICE)).isEmpty();
        assertThat(rules.rules().get(1).weight(RecordKind.DATASET)).isEqualTo(70.0);
    }

    @Test
    void theDefaultRulesCoverEveryKindWithWeightsSummingTo100() {
        RuleSet rules = DefaultRules.load();
        assertThat(rules.source()).isEqualTo("classpath:quality/default-rules.yml");
        for (RecordKind kind : RecordKind.values()) {
            assertThat(rules.rulesFor(kind)).as(kind.name()).isNotEmpty();
            assertThat(rules.rulesFor(kind).stream().mapToDouble(r -> r.weight(kind)).sum()).as(kind.name())
                    .isEqualTo(100.0);
        }
        assertThat(rules.rulesFor(RecordKind.DATASET)).extracting(QualityRule::id).containsExactly("title",
                "description", "keywords", "usage-category", "topic", "legal-constraints", "open-licence",
                "contact-email", "organisation", "update-frequency", "up-to-date", "temporal-extent", "spatial-extent",
                "data-access", "open-format", "documentation", "preview");
        assertThat(Arrays.stream(RecordField.values()).map(RecordField::key)).doesNotHaveDuplicates();
    }

    @Test
    void unknownCheckTypeNamesFileLineAndRule() {
        assertInvalid(TWO_RULES.replace("type: present", "type: presnt"), 6, "title",
                "type de contrôle inconnu « presnt »", "present, length, inList");
    }

    @Test
    void weightThatIsNotANumber() {
        assertInvalid(TWO_RULES.replace("weight: 60", "weight: soixante"), 10, "description",
                "le poids doit être un nombre, pas « soixante »");
    }

    @Test
    void unknownField() {
        assertInvalid(TWO_RULES.replace("field: description", "field: abstract"), 11, "description",
                "champ inconnu « abstract »", "description");
    }

    @Test
    void missingOrIncompleteLabels() {
        assertInvalid(TWO_RULES.replace("    label: {fr: \"Titre\", en: \"Title\"}\n", ""), 2, "title",
                "« label » manquant");
        assertInvalid(TWO_RULES.replace("{fr: \"Description\", en: \"Description\"}", "{fr: \"Description\"}"), 8,
                "description", "« label » doit donner le texte français (fr) et anglais (en)");
    }

    @Test
    void weightsThatDoNotSumTo100() {
        assertInvalid(TWO_RULES.replace("weight: 60", "weight: 50"), 7, "description",
                "totalisent 90 au lieu de 100", "règles : title, description");
    }

    @Test
    void unknownParameterKeyOrKindAndDuplicateIds() {
        assertInvalid(TWO_RULES.replace("min: 10", "minimum: 10"), 11, "description",
                "paramètre inconnu « minimum » pour le contrôle « length » (paramètres : field, min, max)");
        assertInvalid(TWO_RULES.replace("    weight: 40\n", "    weight: 40\n    poids: 3\n"), 6, "title",
                "clé inconnue « poids »");
        assertInvalid(TWO_RULES.replace("    weight: 40\n", "    weight: 40\n    kinds: [dataset, carte]\n"), 6,
                "title", "type de fiche inconnu « carte »");
        assertInvalid(TWO_RULES.replace("id: description", "id: title"), 7, "title", "identifiant déjà utilisé");
        assertInvalid(TWO_RULES.replace("min: 10", "min: 10, max: 5"), 11, "description", "« min » (10) dépasse « max » (5)");
        assertInvalid(TWO_RULES.replace("{type: present, field: title}", "{type: inList, field: title, patterns: ['(']}"),
                6, "title", "expression régulière invalide");
    }

    @Test
    void brokenYamlAndEmptyFiles() {
        assertInvalid(TWO_RULES.replace("hint: {fr: \"Décrivez.\", en: \"Describe.\"}", "hint: {fr: \"Décrivez."),
                12, null, "YAML illisible");
        assertInvalid("", 1, null, "fichier vide");
        assertInvalid("regles: []", 1, null, "clé inconnue « regles »");
    }

    private static void assertInvalid(String yaml, int line, String ruleId, String... fragments) {
        assertThatThrownBy(() -> RuleSetReader.read("/etc/opale/quality-rules.yml", yaml))
                .isInstanceOfSatisfying(InvalidRuleSet.class, e -> {
                    assertThat(e.getMessage()).startsWith("Fichier de règles qualité invalide : /etc/opale/quality-rules.yml, ligne " + line)
                            .contains(fragments);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.ruleId()).isEqualTo(ruleId);
                    if (ruleId != null) {
                        assertThat(e.getMessage()).contains("règle « " + ruleId + " »");
                    }
                });
    }
}
