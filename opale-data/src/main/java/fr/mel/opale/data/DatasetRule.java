package fr.mel.opale.data;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A dataset's row and column rules, as written by who manages its access.
 *
 * @param rowRule     CQL2 text tying a column to an attribute of the reader (see
 *                    {@link fr.mel.opale.access.ReaderAttributes}), e.g. {@code code_insee IN reader.organisations.insee};
 *                    null: every reader who may read the dataset sees all its rows
 * @param columnRules the columns hidden from readers who are not members of the owner organisation, each with the
 *                    principals who still see it
 */
public record DatasetRule(@Nullable String rowRule, List<ColumnRule> columnRules) {
    public static final DatasetRule NONE = new DatasetRule(null, List.of());

    public DatasetRule {
        columnRules = List.copyOf(columnRules);
    }

    /** A rule hiding {@code columns} from everyone outside the owner organisation. */
    public static DatasetRule hiding(@Nullable String rowRule, List<String> columns) {
        return new DatasetRule(rowRule, columns.stream().map(ColumnRule::hidden).toList());
    }

    /** The names of the hidden columns, in the rule's order. */
    public List<String> hiddenColumns() {
        return columnRules.stream().map(ColumnRule::column).toList();
    }

    public boolean none() {
        return rowRule == null && columnRules.isEmpty();
    }
}
