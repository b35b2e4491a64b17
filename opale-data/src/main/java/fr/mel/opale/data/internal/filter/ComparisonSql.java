package fr.mel.opale.data.internal.filter;

import fr.mel.opale.data.DataProblem;
import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.data.filter.Operand;

/**
 * Basic CQL2's predicates: {@code a = b} and its siblings (both sides typed as the property they involve), and
 * {@code IS NULL} (a literal is never null; a table without geometry has only null geometries).
 */
final class ComparisonSql {
    private final ScalarSql scalars;

    ComparisonSql(ScalarSql scalars) {
        this.scalars = scalars;
    }

    void write(Filter.Comparison comparison, SqlText out) {
        Typing.Kind kind = scalars.typing().commonKind(comparison.left(), comparison.right());
        if (kind == Typing.Kind.GEOMETRY) {
            throw DataProblem.invalidQuery("Les géométries se comparent avec les fonctions spatiales (S_EQUALS...), "
                    + "pas avec " + comparison.operator().sql + ".");
        }
        out.append('(');
        scalars.write(comparison.left(), kind, out);
        out.append(' ').append(comparison.operator().sql).append(' ');
        scalars.write(comparison.right(), kind, out);
        out.append(')');
    }

    void write(Filter.IsNull isNull, SqlText out) {
        Operand value = isNull.value();
        if (value instanceof Operand.Property property && Typing.isGeometry(property)) {
            out.append(scalars.typing().geographic() ? "(\"geom\" IS NULL)" : "TRUE");
            return;
        }
        Typing.Kind kind = scalars.typing().kindOf(value);
        if (Typing.isLiteral(value)) {
            out.append("FALSE");
            return;
        }
        out.append('(');
        scalars.write(value, kind, out);
        out.append(" IS NULL)");
    }
}
