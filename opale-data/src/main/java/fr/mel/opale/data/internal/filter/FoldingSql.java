package fr.mel.opale.data.internal.filter;

import fr.mel.opale.data.DataProblem;
import fr.mel.opale.data.filter.Operand;

/**
 * {@code CASEI(x)} and {@code ACCENTI(x)}: the text folded by the dialect's functions, on properties and literals
 * alike (a literal is bound as given and folded by the database, so that both sides of a comparison go through the
 * same function). Nests: {@code ACCENTI(CASEI(name))}.
 */
final class FoldingSql {
    private final ScalarSql scalars;

    FoldingSql(ScalarSql scalars) {
        this.scalars = scalars;
    }

    void write(Operand operand, SqlText out) {
        if (operand instanceof Operand.CaseInsensitive c) {
            String inner = out.capture(() -> text(c.text(), "CASEI", out));
            out.append(out.dialect().foldCase(inner));
        } else if (operand instanceof Operand.AccentInsensitive a) {
            String inner = out.capture(() -> text(a.text(), "ACCENTI", out));
            out.append(out.dialect().foldAccents(inner));
        } else {
            throw new IllegalArgumentException("Not a folding: " + operand);
        }
    }

    private void text(Operand inner, String function, SqlText out) {
        if (scalars.typing().kindOf(inner) != Typing.Kind.TEXT) {
            throw DataProblem.invalidQuery(function + " s'applique à du texte.");
        }
        scalars.write(inner, Typing.Kind.TEXT, out);
    }
}
