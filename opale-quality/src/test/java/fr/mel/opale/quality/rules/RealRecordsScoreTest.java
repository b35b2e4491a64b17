package fr.mel.opale.quality.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.spy;

import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.quality.CriterionResult;
import fr.mel.opale.quality.CriterionStatus;
import fr.mel.opale.quality.QualityBand;
import fr.mel.opale.quality.QualityReport;
import fr.mel.opale.quality.RealRecords;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default rules on the real records of {@code ../shared/data/iso-metadata}. The expected missed criteria come
 * from reading each file (see the comments); the day is fixed so that "up to date" does not drift.
 */
class RealRecordsScoreTest {
    static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    static final QualityScorer DEFAULT = new QualityScorer(DefaultRules.load());

    static final List<String> POOR = List.of(
            "geonetwork-db-dump/record-with-no-link.iso19139.xml",
            "geonetwork-db-dump/e2e-too-long-title.iso19139.xml",
            "geonetwork-db-dump/ofb-without-presentationform.iso19139.xml",
            "geonetwork-db-dump/iso19110-no-title.iso19115-3.xml",
            "geonetwork-db-dump/sentinel2-l2a.iso19115-3.xml",
            "ignf-cnig/plu-balaives-missing-charset.xml",
            "ignf-cnig/default-namespace-01.xml");
    static final List<String> RICH = List.of(
            "geonetwork-ui-fixtures/sextant.iso19115-3.dataset.xml",
            "geonetwork-ui-fixtures/metawal.iso19115-3.dataset.xml",
            "geonetwork-ui-fixtures/geo2france.iso19139.plu.xml",
            "geonetwork-db-dump/mel-zones-collecte-dechets.iso19139.xml");

    static Stream<Arguments> expectedMisses() {
        return Stream.of(
                // 96-character abstract, no contact at all (empty CI_ResponsibleParty), only "copyright", an empty
                // TimePeriod, no online resource, no overview; "asNeeded" promises no date, so up to date
                Arguments.of("geonetwork-db-dump/record-with-no-link.iso19139.xml", 41, List.of("description",
                        "usage-category", "open-licence", "contact-email", "organisation", "temporal-extent",
                        "data-access", "open-format", "documentation", "preview")),
                // 244-character title, no keyword, "continual" but created 2022, no temporal extent, no
                // DOCUMENTATION link and two undescribed links; the opendata.swiss "BY" terms are an open licence
                Arguments.of("geonetwork-db-dump/e2e-too-long-title.iso19139.xml", 61, List.of("title", "keywords",
                        "usage-category", "up-to-date", "temporal-extent", "documentation")),
                // an interactive map: no legal constraint at all, no frequency, only lizmap viewer links
                Arguments.of("geonetwork-db-dump/ofb-without-presentationform.iso19139.xml", 60, List.of(
                        "usage-category", "legal-constraints", "open-licence", "update-frequency", "data-access")),
                // a feature catalogue (ISO 19110): no title, no abstract, no contact
                Arguments.of("geonetwork-db-dump/iso19110-no-title.iso19115-3.xml", 0, List.of("title",
                        "description", "contact-email", "organisation")),
                // no keyword, metadata contacts IRD/INRAE without email, no publisher, no frequency, a STAC link only
                Arguments.of("geonetwork-db-dump/sentinel2-l2a.iso19115-3.xml", 49, List.of("keywords",
                        "usage-category", "contact-email", "organisation", "update-frequency", "up-to-date",
                        "data-access", "open-format")),
                // "Conditions inconnues", no frequency, no temporal extent, one documentation link, no overview
                Arguments.of("ignf-cnig/plu-balaives-missing-charset.xml", 61, List.of("usage-category",
                        "open-licence", "update-frequency", "up-to-date", "temporal-extent", "data-access", "preview")),
                // 37-character abstract, "Informations non opposables au tiers." only, no frequency
                Arguments.of("ignf-cnig/default-namespace-01.xml", 60, List.of("description", "usage-category",
                        "open-licence", "update-frequency", "up-to-date", "temporal-extent")),
                // rich: only the usage category, a licence text that names no open licence, frequency and freshness
                Arguments.of("geonetwork-ui-fixtures/sextant.iso19115-3.dataset.xml", 75, List.of("usage-category",
                        "open-licence", "update-frequency", "up-to-date")),
                Arguments.of("geonetwork-ui-fixtures/geo2france.iso19139.plu.xml", 77, List.of("usage-category",
                        "update-frequency", "up-to-date", "temporal-extent")),
                // MEL's own record: has a usage category (MEL GeoNetwork "Catégories" thesaurus); "continual" but
                // revised 2024-04-26; formats PDF and Oracle Spatial only; links without a documentation one
                Arguments.of("geonetwork-db-dump/mel-zones-collecte-dechets.iso19139.xml", 82, List.of("up-to-date",
                        "temporal-extent", "open-format", "documentation")),
                // landing page and documentation links only, SPW conditions (not an open licence), "continual" 2022
                Arguments.of("geonetwork-ui-fixtures/metawal.iso19115-3.dataset.xml", 64, List.of("usage-category",
                        "open-licence", "up-to-date", "temporal-extent", "data-access", "open-format")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expectedMisses")
    void missesExactlyTheExpectedCriteria(String file, int score, List<String> missed) {
        QualityReport report = DEFAULT.score(RealRecords.read(file), NOW).orElseThrow();
        assertThat(report.missed()).extracting(CriterionResult::id).containsExactlyElementsOf(missed);
        assertThat(report.criteria()).noneMatch(c -> c.status() == CriterionStatus.UNKNOWN);
        assertThat(report.score()).isEqualTo(score);
        assertThat(report.criteria().stream().mapToDouble(CriterionResult::weight).sum()).isEqualTo(100.0);
    }

    @Test
    void everyPoorRecordScoresBelowEveryRichOne() {
        int bestPoor = POOR.stream().mapToInt(RealRecordsScoreTest::score).max().orElseThrow();
        int worstRich = RICH.stream().mapToInt(RealRecordsScoreTest::score).min().orElseThrow();
        assertThat(bestPoor).isLessThan(worstRich);
    }

    @Test
    void everySharedRecordIsScoredWithoutUnknownCriteria() throws Exception {
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.walk(RealRecords.isoDir())) {
            List<String> all = files.filter(p -> p.toString().endsWith(".xml"))
                    .map(p -> RealRecords.isoDir().relativize(p).toString()).toList();
            assertThat(all).hasSizeGreaterThanOrEqualTo(30);
            for (String file : all) {
                QualityReport report = DEFAULT.score(RealRecords.read(file), NOW).orElseThrow();
                assertThat(report.criteria()).as(file).noneMatch(c -> c.status() == CriterionStatus.UNKNOWN);
                assertThat(report.score()).as(file).isBetween(0, 100);
            }
        }
    }

    @Test
    void aCustomRuleFileChangesScoresAsConfigured() {
        RuleSet lineageAndKeywords = RuleSetReader.read("custom.yml", """
                rules:
                  - id: lineage
                    label: {fr: "Généalogie", en: "Lineage"}
                    hint: {fr: "Décrivez la provenance.", en: "Describe the provenance."}
                    weight: 70
                    check: {type: lineage, minLength: 20}
                  - id: gemet
                    label: {fr: "Mot-clé GEMET", en: "GEMET keyword"}
                    hint: {fr: "Ajoutez un thème INSPIRE.", en: "Add an INSPIRE theme."}
                    weight: 30
                    check: {type: thesaurusKeyword, titles: ["GEMET - INSPIRE themes, version 1.0"]}
                """);
        QualityScorer custom = new QualityScorer(lineageAndKeywords);
        // default-namespace-01: a lineage and a GEMET INSPIRE theme keyword -> 100 (60 with the defaults)
        assertThat(custom.score(RealRecords.read("ignf-cnig/default-namespace-01.xml"), NOW).orElseThrow().score())
                .isEqualTo(100);
        // mel-zones: a lineage, but GEMET from another thesaurus title -> 70 (82 with the defaults)
        QualityReport melZones = custom.score(RealRecords.read("geonetwork-db-dump/mel-zones-collecte-dechets.iso19139.xml"),
                NOW).orElseThrow();
        assertThat(melZones.score()).isEqualTo(70);
        assertThat(melZones.missed()).extracting(CriterionResult::id).containsExactly("gemet");
        // record-with-no-link: neither -> 0
        assertThat(custom.score(RealRecords.read("geonetwork-db-dump/record-with-no-link.iso19139.xml"), NOW)
                .orElseThrow().score()).isZero();
    }

    @Test
    void aRuleThatThrowsIsUnknownLeftOutOfTheScoreAndTheOthersStillCount() {
        CatalogRecord record = spy(RealRecords.read("geonetwork-db-dump/mel-zones-collecte-dechets.iso19139.xml"));
        doThrow(new IllegalStateException("panne simulée")).when(record).title();
        QualityReport report = DEFAULT.score(record, NOW).orElseThrow();
        assertThat(report.criteria()).filteredOn(c -> c.status() == CriterionStatus.UNKNOWN)
                .extracting(CriterionResult::id).containsExactly("title");
        assertThat(report.criteria().get(0).metOrNull()).isNull();
        // 18 points missed out of the 92 evaluated (title's 8 left out): round(100 * 74 / 92) = 80
        assertThat(report.score()).isEqualTo(80);
    }

    @Test
    void bands() {
        assertThat(Map.of(0, QualityBand.of(0), 39, QualityBand.of(39), 40, QualityBand.of(40), 69, QualityBand.of(69),
                70, QualityBand.of(70), 89, QualityBand.of(89), 90, QualityBand.of(90), 100, QualityBand.of(100)))
                .containsExactlyInAnyOrderEntriesOf(Map.of(0, QualityBand.INSUFFICIENT, 39, QualityBand.INSUFFICIENT,
                        40, QualityBand.FAIR, 69, QualityBand.FAIR, 70, QualityBand.GOOD, 89, QualityBand.GOOD,
                        90, QualityBand.EXCELLENT, 100, QualityBand.EXCELLENT));
        assertThat(QualityBand.GOOD.label("fr")).isEqualTo("Bonne");
        assertThat(QualityBand.FAIR.label("en")).isEqualTo("Fair");
        assertThat(QualityBand.FAIR.to()).isEqualTo(69);
    }

    private static int score(String file) {
        return DEFAULT.score(RealRecords.read(file), NOW).orElseThrow().score();
    }
}
