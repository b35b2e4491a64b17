package fr.mel.opale.data.internal.filter;

import fr.mel.opale.data.DataProblem;
import fr.mel.opale.data.filter.Filter;

/**
 * {@code text LIKE pattern}: CQL2's wildcards are SQL's ({@code %}, {@code _}), its escape character {@code \}
 * is declared with {@code ESCAPE}. Text only (400 otherwise).
 */
final class LikeSql {
    private final ScalarSql scalars;

    LikeSql(ScalarSql scalars) {
        this.scalars = scalars;
    }

    void write(Filter.Like like, SqlText out) {
        if (scalars.typing().kindOf(like.text()) != Typing.Kind.TEXT) {
            throw DataProblem.invalidQuery("LIKE s'applique à du texte.");
        }
        out.append('(');
        scalars.write(like.text(), Typing.Kind.TEXT, out);
        out.append(" LIKE ");
        scalars.write(like.pattern(), Typing.Kind.TEXT, out);
        out.append(" ESCAPE '\\')");
    }
}
