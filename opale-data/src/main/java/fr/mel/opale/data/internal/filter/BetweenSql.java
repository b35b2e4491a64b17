package fr.mel.opale.data.internal.filter;

import fr.mel.opale.data.filter.Filter;

/** {@code value BETWEEN low AND high}, inclusive at both ends as SQL's; the three typed alike. */
final class BetweenSql {
    private final ScalarSql scalars;

    BetweenSql(ScalarSql scalars) {
        this.scalars = scalars;
    }

    void write(Filter.Between between, SqlText out) {
        Typing.Kind kind = scalars.typing().commonKind(between.value(), between.low());
        scalars.typing().commonKind(between.value(), between.high());
        out.append('(');
        scalars.write(between.value(), kind, out);
        out.append(" BETWEEN ");
        scalars.write(between.low(), kind, out);
        out.append(" AND ");
        scalars.write(between.high(), kind, out);
        out.append(')');
    }
}
