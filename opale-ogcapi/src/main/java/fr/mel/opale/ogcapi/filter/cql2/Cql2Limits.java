package fr.mel.opale.ogcapi.filter.cql2;

import fr.mel.opale.ogcapi.OgcApiProblem;

/** Bounds on a filter's size and nesting, checked before parsing so that no request costs more than a small parse. */
final class Cql2Limits {
    private Cql2Limits() {
    }

    static void check(String text, int maxLength, int maxDepth) {
        if (text.length() > maxLength) {
            throw OgcApiProblem.invalidFilter("Filtre trop long (" + text.length() + " caractères, au plus "
                    + maxLength + ").");
        }
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                if (++depth > maxDepth) {
                    throw OgcApiProblem.invalidFilter("Filtre trop imbriqué (plus de " + maxDepth + " niveaux).");
                }
            } else if (c == ')' || c == ']' || c == '}') {
                depth = Math.max(0, depth - 1);
            }
        }
    }
}
