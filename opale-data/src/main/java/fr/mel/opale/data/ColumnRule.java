package fr.mel.opale.data;

import java.util.List;

/**
 * One column a dataset's column rule hides, and who still sees it besides the members of the owner organisation and
 * platform administrators (the policy decides: {@link fr.mel.opale.access.AccessPolicy#seesColumn}).
 *
 * @param column the column's name
 * @param seenBy principals who still see it, as grant keys ({@code organisation:<slug>}, {@code project:<slug>},
 *               {@code person:<id>}, {@code logged-in}); empty: hidden from everyone outside the owner organisation
 */
public record ColumnRule(String column, List<String> seenBy) {
    public ColumnRule {
        seenBy = List.copyOf(seenBy);
    }

    /** A column hidden from every reader outside the owner organisation (the plain form of the rules' API). */
    public static ColumnRule hidden(String column) {
        return new ColumnRule(column, List.of());
    }
}
