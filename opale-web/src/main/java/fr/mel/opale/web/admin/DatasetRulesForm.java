package fr.mel.opale.web.admin;

import fr.mel.opale.data.ColumnRule;
import fr.mel.opale.data.DatasetRule;
import fr.mel.opale.data.RulePreview;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The row and column rules of a record's dataset as the access page shows and posts them: the row rule's CQL2, then
 * one line per column of the served version — hidden or not ({@code masquee}, a checkbox), and who still sees it
 * ({@code lecteurs_<n>}: principals separated by commas or spaces, e.g. {@code organisation:lambersart, person:12}).
 * Lines are numbered rather than named after their column, so that any column name makes a valid field name.
 *
 * @param datasetId the dataset
 * @param rowRule   the row rule, "" without one
 * @param columns   every column, in the table's order
 * @param preview   what the person previewed reads of the dataset (null: no preview asked)
 */
public record DatasetRulesForm(String datasetId, String rowRule, List<Line> columns, @Nullable RulePreview preview) {
    /** One column: hidden or not, and its readers as typed. */
    public record Line(int index, String column, boolean hidden, String seenBy) {
    }

    /** The stored rules over the columns {@code names}. */
    static DatasetRulesForm of(String datasetId, DatasetRule rule, List<String> names,
                               @Nullable RulePreview preview) {
        Map<String, ColumnRule> byName = new LinkedHashMap<>();
        rule.columnRules().forEach(c -> byName.put(c.column(), c));
        List<Line> lines = new ArrayList<>();
        for (String name : names) {
            ColumnRule column = byName.get(name);
            lines.add(new Line(lines.size(), name, column != null,
                    column == null ? "" : String.join(", ", column.seenBy())));
        }
        return new DatasetRulesForm(datasetId, rule.rowRule() == null ? "" : rule.rowRule(), lines, preview);
    }

    /** What was posted, over the columns {@code names} (shown again as typed when refused). */
    static DatasetRulesForm posted(String datasetId, MultiValueMap<String, String> form, List<String> names) {
        List<String> hidden = form.getOrDefault("masquee", List.of()).stream().filter(h -> !h.isBlank()).toList();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String readers = form.getFirst("lecteurs_" + i);
            lines.add(new Line(i, names.get(i), hidden.contains(names.get(i)), readers == null ? "" : readers.strip()));
        }
        for (String name : hidden) {
            if (!names.contains(name)) { // not a column of the data: refused by the rules, named in the message
                lines.add(new Line(lines.size(), name, true, ""));
            }
        }
        String rows = form.getFirst("lignes");
        return new DatasetRulesForm(datasetId, rows == null ? "" : rows.strip(), lines, null);
    }

    /** The column rules this form says: hidden columns with their readers (a reader typed for a shown column is dropped). */
    List<ColumnRule> columnRules() {
        List<ColumnRule> rules = new ArrayList<>();
        for (Line line : columns) {
            if (line.hidden()) {
                List<String> readers = Arrays.stream(line.seenBy().split("[,;\\s]+")).filter(s -> !s.isBlank()).toList();
                rules.add(new ColumnRule(line.column(), readers));
            }
        }
        return rules;
    }
}
