package fr.mel.opale.data;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A dataset's row and column rules, as written by who manages its access.
 *
 * @param rowRule       CQL2 text tying a column to an attribute of the reader (see
 *                      {@link fr.mel.opale.access.ReaderAttributes}), e.g. {@code code_insee IN reader.organisations.insee};
 *                      null: every reader who may read the dataset sees all its rows
 * @param hiddenColumns columns hidden from readers who are not members of the owner organisation
 */
public record DatasetRule(@Nullable String rowRule, List<String> hiddenColumns) {
    public static final DatasetRule NONE = new DatasetRule(null, List.of());

    public DatasetRule {
        hiddenColumns = List.copyOf(hiddenColumns);
    }

    public boolean none() {
        return rowRule == null && hiddenColumns.isEmpty();
    }
}
