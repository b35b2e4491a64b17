package fr.mel.opale.data.internal;

import fr.mel.opale.data.ColumnRule;
import fr.mel.opale.data.DatasetRule;
import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.data.filter.FilterReader;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code dataset_rule} table, and each rule's CQL2 parse, kept (every feature read asks): a rule is parsed once
 * per change, never per request; only the reader's values are bound per request ({@link RowRuleBinding}).
 */
@Repository
public class RuleStore {
    /** {@code IN reader.x} without parentheses, as people write it; CQL2 wants {@code IN (reader.x)}. */
    private static final Pattern BARE_IN = Pattern.compile("(?i)\\bIN\\s+(reader(?:\\.[A-Za-z_]+)+)");
    private final JdbcTemplate jdbc;
    private final ObjectProvider<FilterReader> filters;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ChangeAwareCache<String, Parsed> cache;

    /** A dataset's rule and its row rule parsed (null without one). */
    public record Parsed(DatasetRule rule, @Nullable Filter rows) {
    }

    public RuleStore(JdbcTemplate jdbc, ObjectProvider<FilterReader> filters, DataSettings settings) {
        this.jdbc = jdbc;
        this.filters = filters;
        this.cache = new ChangeAwareCache<>(settings.cacheTtl(), 10_000);
    }

    /** The dataset's rule, parsed; {@link DatasetRule#NONE} without one. */
    public Parsed of(String datasetId) {
        return cache.get(datasetId, id -> {
            Optional<DatasetRule> rule = jdbc.query("SELECT row_rule, hidden_columns FROM dataset_rule WHERE dataset_id = ?",
                    (rows, n) -> new DatasetRule(rows.getString(1), columns(rows.getString(2))), id).stream().findFirst();
            DatasetRule found = rule.orElse(DatasetRule.NONE);
            return new Parsed(found, found.rowRule() == null ? null : parse(found.rowRule()));
        });
    }

    /** The CQL2 parse of a row rule ({@code IN reader.x} read as {@code IN (reader.x)}). */
    public Filter parse(String rowRule) {
        FilterReader reader = filters.getIfAvailable();
        if (reader == null) {
            throw new IllegalStateException("No CQL2 reader (FilterReader) in this application: row rules need one");
        }
        return reader.cql2Text(BARE_IN.matcher(rowRule).replaceAll("IN ($1)"));
    }

    /** Whether the column rules of {@code rule} fit their column ({@code hidden_columns}, 8 000 characters). */
    public boolean fits(DatasetRule rule) {
        return json.writeValueAsString(stored(rule.columnRules())).length() <= 8_000;
    }

    /** Replaces the dataset's rule (none: deleted). The caller owns the transaction. */
    public void put(String datasetId, DatasetRule rule, Instant now, @Nullable String by) {
        jdbc.update("DELETE FROM dataset_rule WHERE dataset_id = ?", datasetId);
        if (!rule.none()) {
            jdbc.update("INSERT INTO dataset_rule (dataset_id, row_rule, hidden_columns, updated_at, updated_by) "
                            + "VALUES (?, ?, ?, ?, ?)", datasetId, rule.rowRule(),
                    json.writeValueAsString(stored(rule.columnRules())), Timestamp.from(now), by);
        }
        cache.changed();
    }

    /**
     * The stored form of column rules: a column hidden from all but the owner's members is its bare name (the form
     * rules had before they could name readers, still read as such); one with readers is {@code {"column", "seenBy"}}.
     */
    private static List<Object> stored(List<ColumnRule> rules) {
        List<Object> stored = new ArrayList<>();
        for (ColumnRule rule : rules) {
            stored.add(rule.seenBy().isEmpty() ? rule.column()
                    : Map.of("column", rule.column(), "seenBy", rule.seenBy()));
        }
        return stored;
    }

    private List<ColumnRule> columns(String stored) {
        List<ColumnRule> rules = new ArrayList<>();
        for (JsonNode entry : json.readTree(stored)) {
            if (entry.isString()) {
                rules.add(ColumnRule.hidden(entry.asString()));
            } else {
                List<String> seenBy = new ArrayList<>();
                entry.path("seenBy").forEach(reader -> seenBy.add(reader.asString()));
                rules.add(new ColumnRule(entry.path("column").asString(), seenBy));
            }
        }
        return rules;
    }
}
