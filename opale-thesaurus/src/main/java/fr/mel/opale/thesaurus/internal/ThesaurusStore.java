package fr.mel.opale.thesaurus.internal;

import fr.mel.opale.thesaurus.ThesaurusSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Storage of thesauri and their concepts (tables {@code thesaurus}, {@code thesaurus_concept}), without any policy:
 * {@link fr.mel.opale.thesaurus.Thesauri} decides, this stores. Callers run inside its transactions, so a replace
 * (delete the concepts, update the row, insert the new concepts) is all or nothing.
 */
@Component
public class ThesaurusStore {
    private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() { };
    private static final TypeReference<Map<String, List<String>>> TEXT_LISTS = new TypeReference<>() { };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json = JsonMapper.builder().build();

    ThesaurusStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public List<ThesaurusSummary> summaries() {
        return jdbc.sql("SELECT * FROM thesaurus ORDER BY id").query((RowMapper<ThesaurusSummary>) this::summary).list();
    }

    public Optional<ThesaurusSummary> summary(String id) {
        return jdbc.sql("SELECT * FROM thesaurus WHERE id = ?").param(id).query((RowMapper<ThesaurusSummary>) this::summary).optional();
    }

    public Optional<String> idOfScheme(String schemeUri) {
        return jdbc.sql("SELECT id FROM thesaurus WHERE scheme_uri = ?").param(schemeUri).query(String.class)
                .optional();
    }

    /** Every thesaurus with its concepts: what the in-memory snapshot is built from. */
    public List<StoredThesaurus> loadAll() {
        Map<String, List<SkosConcept>> concepts = new HashMap<>();
        jdbc.sql("SELECT * FROM thesaurus_concept ORDER BY thesaurus_id, uri").query((rs, n) -> {
            concepts.computeIfAbsent(rs.getString("thesaurus_id"), k -> new ArrayList<>()).add(concept(rs));
            return null;
        }).list();
        return summaries().stream()
                .map(s -> new StoredThesaurus(s, concepts.getOrDefault(s.id(), List.of()))).toList();
    }

    public List<SkosConcept> concepts(String thesaurusId) {
        return jdbc.sql("SELECT * FROM thesaurus_concept WHERE thesaurus_id = ? ORDER BY uri").param(thesaurusId)
                .query((rs, n) -> concept(rs)).list();
    }

    public void insert(ThesaurusSummary summary, List<SkosConcept> concepts) {
        jdbc.sql("""
                INSERT INTO thesaurus (id, scheme_uri, titles, aliases, source_format, imported_at, concept_count,
                                       usage_categories)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(summary.id(), summary.schemeUri(), json.writeValueAsString(summary.titles()),
                        json.writeValueAsString(summary.aliases()), summary.format(),
                        Timestamp.from(summary.importedAt()), summary.conceptCount(), summary.usageCategories())
                .update();
        insertConcepts(summary.id(), concepts);
    }

    /** Replaces the description and all the concepts of {@code summary.id()}. */
    public void replace(ThesaurusSummary summary, List<SkosConcept> concepts) {
        jdbc.sql("DELETE FROM thesaurus_concept WHERE thesaurus_id = ?").param(summary.id()).update();
        jdbc.sql("""
                UPDATE thesaurus SET scheme_uri = ?, titles = ?, aliases = ?, source_format = ?, imported_at = ?,
                                     concept_count = ?, usage_categories = ?
                WHERE id = ?""")
                .params(summary.schemeUri(), json.writeValueAsString(summary.titles()),
                        json.writeValueAsString(summary.aliases()), summary.format(),
                        Timestamp.from(summary.importedAt()), summary.conceptCount(), summary.usageCategories(),
                        summary.id())
                .update();
        insertConcepts(summary.id(), concepts);
    }

    public void delete(String id) {
        jdbc.sql("DELETE FROM thesaurus_concept WHERE thesaurus_id = ?").param(id).update();
        jdbc.sql("DELETE FROM thesaurus WHERE id = ?").param(id).update();
    }

    private void insertConcepts(String thesaurusId, List<SkosConcept> concepts) {
        batch.batchUpdate("""
                INSERT INTO thesaurus_concept (thesaurus_id, uri, notation, pref_labels, alt_labels, broader,
                                               top_concept)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", concepts, 500, (ps, c) -> {
            ps.setString(1, thesaurusId);
            ps.setString(2, c.uri());
            ps.setString(3, c.notation());
            ps.setString(4, json.writeValueAsString(c.prefLabels()));
            ps.setString(5, json.writeValueAsString(c.altLabels()));
            ps.setString(6, json.writeValueAsString(c.broader()));
            ps.setBoolean(7, c.topConcept());
        });
    }

    private ThesaurusSummary summary(ResultSet rs, int row) throws SQLException {
        return new ThesaurusSummary(rs.getString("id"), rs.getString("scheme_uri"),
                json.readValue(rs.getString("titles"), TEXTS), json.readValue(rs.getString("aliases"), LIST),
                rs.getString("source_format"), rs.getTimestamp("imported_at").toInstant(),
                rs.getInt("concept_count"), rs.getBoolean("usage_categories"));
    }

    private SkosConcept concept(ResultSet rs) throws SQLException {
        return new SkosConcept(rs.getString("uri"), rs.getString("notation"),
                json.readValue(rs.getString("pref_labels"), TEXTS),
                json.readValue(rs.getString("alt_labels"), TEXT_LISTS),
                json.readValue(rs.getString("broader"), LIST), rs.getBoolean("top_concept"));
    }
}
