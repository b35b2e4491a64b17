package fr.mel.opale.data.internal.filter;

import fr.mel.opale.data.DataProblem;
import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.data.filter.Operand;

/**
 * {@code value IN (a, b, ...)}: 1 to {@value #MAX_LIST} items, each typed as the value (the bound keeps the
 * statement a request can make the database parse small).
 */
final class InSql {
    /** Longest {@code IN} list accepted. */
    static final int MAX_LIST = 1000;
    private final ScalarSql scalars;

    InSql(ScalarSql scalars) {
        this.scalars = scalars;
    }

    void write(Filter.In in, SqlText out) {
        if (in.list().isEmpty() || in.list().size() > MAX_LIST) {
            throw DataProblem.invalidQuery("IN attend entre 1 et " + MAX_LIST + " valeurs.");
        }
        Typing.Kind kind = null;
        for (Operand item : in.list()) {
            kind = scalars.typing().commonKind(in.value(), item);
        }
        out.append('(');
        scalars.write(in.value(), kind, out);
        out.append(" IN (");
        for (int i = 0; i < in.list().size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            scalars.write(in.list().get(i), kind, out);
        }
        out.append("))");
    }
}
