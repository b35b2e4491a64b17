package fr.mel.opale.data.internal.filter;

import static fr.mel.opale.data.internal.TableNames.quote;

import fr.mel.opale.data.DataProblem;
import fr.mel.opale.data.filter.Operand;

/**
 * Writes one scalar operand: a property as its quoted column, a literal as a parameter converted to the kind it is
 * compared as, a {@code CASEI}/{@code ACCENTI} through {@link FoldingSql}. Geometries and intervals are not scalars
 * (400).
 */
final class ScalarSql {
    private final Typing typing;
    private final FoldingSql folding = new FoldingSql(this);

    ScalarSql(Typing typing) {
        this.typing = typing;
    }

    Typing typing() {
        return typing;
    }

    void write(Operand operand, Typing.Kind kind, SqlText out) {
        if (operand instanceof Operand.Property property) {
            if (Typing.isGeometry(property)) {
                throw DataProblem.invalidQuery("La géométrie ne s'utilise que dans les fonctions spatiales.");
            }
            out.append(quote(typing.column(property).name()));
        } else if (operand instanceof Operand.Literal literal) {
            out.bind(Typing.coerce(literal.value(), kind));
        } else if (operand instanceof Operand.CaseInsensitive || operand instanceof Operand.AccentInsensitive) {
            folding.write(operand, out);
        } else if (operand instanceof Operand.GeometryLiteral) {
            throw DataProblem.invalidQuery("Une géométrie ne s'utilise que dans les fonctions spatiales.");
        } else {
            throw DataProblem.invalidQuery("Un intervalle ne s'utilise que dans une fonction temporelle (T_INTERSECTS...).");
        }
    }
}
