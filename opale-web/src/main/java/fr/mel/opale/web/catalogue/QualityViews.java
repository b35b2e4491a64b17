package fr.mel.opale.web.catalogue;

import fr.mel.opale.quality.CriterionResult;
import fr.mel.opale.quality.QualityReport;
import fr.mel.opale.quality.QualityScores;
import fr.mel.opale.web.layout.PageContext;
import java.text.NumberFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Reads a record's stored quality score for its page and its card. The caller has already obtained the record
 * through {@link fr.mel.opale.catalog.Catalog}, so the viewer may see it (QualityScores applies no policy).
 */
@Component
public class QualityViews {
    private final QualityScores scores;

    QualityViews(QualityScores scores) {
        this.scores = scores;
    }

    /** The record's quality for its page; null when its kind has no rules. */
    public @Nullable QualityView view(String recordId, PageContext page) {
        return scores.report(recordId).map(report -> view(report, page)).orElse(null);
    }

    /** The score alone, for a card; null when not scored. */
    public @Nullable Integer score(String recordId) {
        return scores.report(recordId).map(QualityReport::score).orElse(null);
    }

    static QualityView view(QualityReport report, PageContext page) {
        String lang = page.lang();
        NumberFormat weights = NumberFormat.getNumberInstance(page.locale());
        weights.setMaximumFractionDigits(1);
        return new QualityView(report.score(), report.band().label(lang),
                report.band().name().toLowerCase(Locale.ROOT),
                (int) report.criteria().stream().filter(CriterionResult::met).count(),
                report.criteria().stream().map(c -> new QualityView.Criterion(c.id(), c.label(lang), c.metOrNull(),
                        weights.format(c.weight()), c.hint(lang))).toList());
    }
}
