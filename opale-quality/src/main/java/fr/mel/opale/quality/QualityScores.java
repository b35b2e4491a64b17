package fr.mel.opale.quality;

import fr.mel.opale.quality.internal.QualityStore;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored quality scores, for other modules (search indexes the score and its band; pages show them).
 *
 * <p>No access check here: callers have already decided the viewer may see the record (through
 * {@link fr.mel.opale.catalog.Catalog}) and apply the same policy to what they show.
 */
@Service
public class QualityScores {
    private final QualityStore store;

    QualityScores(QualityStore store) {
        this.store = store;
    }

    /**
     * The record's last computed report; empty when the record does not exist or its kind has no rules. Scores are
     * written in the same transaction as the record, so a committed record always has its current score.
     */
    @Transactional(readOnly = true)
    public Optional<QualityReport> report(String recordId) {
        return store.find(recordId);
    }

    /** The reports of those of {@code recordIds} that have one, by record id (one query per 500 ids). */
    @Transactional(readOnly = true)
    public Map<String, QualityReport> reports(Collection<String> recordIds) {
        return store.findAll(recordIds);
    }

    /** The band of a score: what the search facet and the badges group by. */
    public QualityBand band(int score) {
        return QualityBand.of(score);
    }
}
