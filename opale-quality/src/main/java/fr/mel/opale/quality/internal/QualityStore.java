package fr.mel.opale.quality.internal;

import fr.mel.opale.quality.Bilingual;
import fr.mel.opale.quality.CriterionResult;
import fr.mel.opale.quality.CriterionStatus;
import fr.mel.opale.quality.QualityReport;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code record_quality} and {@code quality_rule_set} tables. Plain JDBC on the application's data source:
 * inside a catalog write transaction it uses the same connection, so a score commits (or rolls back) with its
 * record.
 */
@Component
public class QualityStore {
    private static final int IN_CHUNK = 500;
    private static final TypeReference<List<StoredCriterion>> CRITERIA = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    QualityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(QualityReport report, String fingerprint) {
        String criteria = json.writeValueAsString(report.criteria().stream().map(StoredCriterion::of).toList());
        OffsetDateTime at = report.computedAt().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE record_quality SET score = ?, band = ?, criteria = ?, rules_fingerprint = ?,"
                        + " computed_at = ? WHERE record_id = ?")
                .params(report.score(), report.band().name(), criteria, fingerprint, at, report.recordId()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO record_quality (record_id, score, band, criteria, rules_fingerprint, computed_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(report.recordId(), report.score(), report.band().name(), criteria, fingerprint, at)
                    .update();
        }
    }

    public void delete(String recordId) {
        jdbc.sql("DELETE FROM record_quality WHERE record_id = ?").param(recordId).update();
    }

    public Optional<QualityReport> find(String recordId) {
        return jdbc.sql("SELECT record_id, score, criteria, computed_at FROM record_quality WHERE record_id = ?")
                .param(recordId).query(this::report).optional();
    }

    /** The reports of those of {@code ids} that have one, by record id. */
    public Map<String, QualityReport> findAll(Collection<String> ids) {
        Map<String, QualityReport> reports = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            List<String> chunk = all.subList(from, Math.min(all.size(), from + IN_CHUNK));
            jdbc.sql("SELECT record_id, score, criteria, computed_at FROM record_quality WHERE record_id IN (:ids)")
                    .param("ids", chunk).query(this::report).list()
                    .forEach(r -> reports.put(r.recordId(), r));
        }
        return reports;
    }

    /** The fingerprint of the rule set of the last complete re-score; empty before the first one. */
    public Optional<String> lastRuleSet() {
        return jdbc.sql("SELECT fingerprint FROM quality_rule_set WHERE id = 1").query(String.class).optional();
    }

    public void ruleSetApplied(String fingerprint, String source, Instant at) {
        String kept = source.length() > 1000 ? source.substring(source.length() - 1000) : source;
        OffsetDateTime when = at.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("UPDATE quality_rule_set SET fingerprint = ?, source = ?, rescored_at = ? WHERE id = 1")
                .params(fingerprint, kept, when).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO quality_rule_set (id, fingerprint, source, rescored_at) VALUES (1, ?, ?, ?)")
                    .params(fingerprint, kept, when).update();
        }
    }

    /** Rows scored with another rule set than {@code fingerprint} (left behind by an interrupted re-score). */
    public long countOtherThan(String fingerprint) {
        return jdbc.sql("SELECT COUNT(*) FROM record_quality WHERE rules_fingerprint <> ?").param(fingerprint)
                .query(Long.class).single();
    }

    /** Removes the scores of records that no longer exist (ids not in {@code kept}). */
    public int deleteAllExcept(Collection<String> kept) {
        List<String> stored = jdbc.sql("SELECT record_id FROM record_quality").query(String.class).list();
        List<String> gone = stored.stream().filter(id -> !kept.contains(id)).toList();
        gone.forEach(this::delete);
        return gone.size();
    }

    private QualityReport report(ResultSet row, int index) throws SQLException {
        List<CriterionResult> criteria = json.readValue(row.getString("criteria"), CRITERIA).stream()
                .map(StoredCriterion::result).toList();
        Timestamp at = row.getTimestamp("computed_at");
        return new QualityReport(row.getString("record_id"), row.getInt("score"), criteria, at.toInstant());
    }

    /** The JSON form of a criterion in {@code record_quality.criteria}: texts included, so a row stands alone. */
    record StoredCriterion(String id, CriterionStatus status, double weight, Bilingual label, Bilingual hint) {
        static StoredCriterion of(CriterionResult c) {
            return new StoredCriterion(c.id(), c.status(), c.weight(), c.label(), c.hint());
        }

        CriterionResult result() {
            return new CriterionResult(id, status, weight, label, hint);
        }
    }
}
