package fr.mel.opale.data;

import java.util.List;

/**
 * What one person reads of a dataset under its rules, as the policy decides for them: a preview for whoever manages
 * the dataset's access ({@link DatasetRules#preview}).
 *
 * @param reads          whether they may read the dataset at all (false: no row, no column)
 * @param rows           the rows of the served version they read
 * @param totalRows      all rows of the served version
 * @param visibleColumns the columns they see, in the table's order
 * @param hiddenColumns  the columns hidden from them
 */
public record RulePreview(boolean reads, long rows, long totalRows, List<String> visibleColumns,
                          List<String> hiddenColumns) {
    public RulePreview {
        visibleColumns = List.copyOf(visibleColumns);
        hiddenColumns = List.copyOf(hiddenColumns);
    }
}
