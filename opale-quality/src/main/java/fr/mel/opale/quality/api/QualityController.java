package fr.mel.opale.quality.api;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.quality.CriterionResult;
import fr.mel.opale.quality.OrganisationQuality;
import fr.mel.opale.quality.QualityBand;
import fr.mel.opale.quality.QualityDashboard;
import fr.mel.opale.quality.QualityProblem;
import fr.mel.opale.quality.QualityReport;
import fr.mel.opale.quality.QualityScores;
import fr.mel.opale.quality.internal.QualityEngine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The quality API: a record's score with its explained criteria, the producer dashboard, and the administrators'
 * re-score. Labels and hints come in the request's language (French unless the cookie or {@code Accept-Language}
 * asks for English).
 */
@RestController
@Tag(name = "Qualité", description = "Note de qualité des métadonnées et tableau de bord des producteurs")
class QualityController {
    private final Catalog catalog;
    private final QualityScores scores;
    private final QualityDashboard dashboard;
    private final QualityEngine engine;
    private final AccessPolicy policy;

    QualityController(Catalog catalog, QualityScores scores, QualityDashboard dashboard, QualityEngine engine,
                      AccessPolicy policy) {
        this.catalog = catalog;
        this.scores = scores;
        this.dashboard = dashboard;
        this.engine = engine;
        this.policy = policy;
    }

    @GetMapping(path = "/api/records/{id}/quality", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Note de qualité d'une fiche (0 à 100) et ses critères, avec un conseil pour chaque critère manqué")
    QualityJson record(@PathVariable String id, Locale locale) {
        catalog.get(id); // 404, the same for unknown and hidden records
        QualityReport report = scores.report(id).orElseThrow(() -> QualityProblem.notScored(id));
        String lang = locale.getLanguage();
        return new QualityJson(report.recordId(), report.score(), report.band(), report.band().label(lang),
                report.computedAt(), report.criteria().stream().map(c -> CriterionJson.of(c, lang)).toList());
    }

    @GetMapping(path = "/api/quality/organisations", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Qualité moyenne et répartition par niveau, pour chaque organisation (fiches visibles)")
    List<OrganisationSummaryJson> organisations(Locale locale) {
        return dashboard.organisations().stream().map(o -> OrganisationSummaryJson.of(o, locale.getLanguage())).toList();
    }

    @GetMapping(path = "/api/quality/organisations/{slug}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Qualité d'une organisation : moyenne, répartition, fiches les moins bien notées, critères les plus manqués")
    OrganisationJson organisation(@PathVariable String slug, Locale locale) {
        OrganisationQuality organisation = dashboard.organisation(slug)
                .orElseThrow(() -> QualityProblem.unknownOrganisation(slug));
        return OrganisationJson.of(organisation, locale.getLanguage());
    }

    @PostMapping(path = "/api/quality/rescore", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Recalcule la note de toutes les fiches (administrateurs de la plateforme)")
    RescoreJson rescore() {
        Viewer viewer = policy.currentViewer();
        if (!policy.canOperatePlatform(viewer)) {
            throw new AccessDenied(viewer);
        }
        int records = engine.rescoreAll();
        return new RescoreJson(records, engine.rules().source(), engine.rules().fingerprint());
    }

    record QualityJson(String recordId, int score, QualityBand band, String bandLabel, Instant computedAt,
                       List<CriterionJson> criteria) {
    }

    /** {@code met} is null when the criterion could not be evaluated ({@code status} UNKNOWN). */
    record CriterionJson(String id, String label, @Nullable Boolean met, String status, double weight, String hint) {
        static CriterionJson of(CriterionResult c, String lang) {
            return new CriterionJson(c.id(), c.label(lang), c.metOrNull(), c.status().name(), c.weight(), c.hint(lang));
        }
    }

    record OrganisationSummaryJson(@Nullable String name, String slug, int records, int averageScore,
                                   QualityBand averageBand, Map<QualityBand, Integer> distribution) {
        static OrganisationSummaryJson of(OrganisationQuality o, String lang) {
            return new OrganisationSummaryJson(o.name(), o.slug(), o.records(), o.averageScore(),
                    QualityBand.of(o.averageScore()), new LinkedHashMap<>(o.distribution()));
        }
    }

    record OrganisationJson(@Nullable String name, String slug, int records, int averageScore, QualityBand averageBand,
                            Map<QualityBand, Integer> distribution, List<LowJson> lowest, List<MissedJson> mostMissed) {
        static OrganisationJson of(OrganisationQuality o, String lang) {
            return new OrganisationJson(o.name(), o.slug(), o.records(), o.averageScore(),
                    QualityBand.of(o.averageScore()), new LinkedHashMap<>(o.distribution()),
                    o.lowest().stream().map(r -> new LowJson(r.id(), r.title(lang), r.score(), r.band())).toList(),
                    o.mostMissed().stream().map(m -> new MissedJson(m.id(), m.label().in(lang), m.count())).toList());
        }
    }

    record LowJson(String id, String title, int score, QualityBand band) {
    }

    record MissedJson(String id, String label, int count) {
    }

    record RescoreJson(int records, String rules, String fingerprint) {
    }
}
