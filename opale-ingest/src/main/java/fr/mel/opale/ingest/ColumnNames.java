package fr.mel.opale.ingest;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Safe column identifiers from the labels producers write: lower-case ASCII letters, digits and underscores,
 * accents dropped, every other run of characters turned into one underscore, never starting with a digit, never a
 * SQL reserved word, unique within a table. "Nb places" becomes {@code nb_places}, "Date de pose"
 * {@code date_de_pose}, "Coordonnées passage : Coordonnées minx" {@code coordonnees_passage_coordonnees_minx}.
 */
public final class ColumnNames {
    /** Longest identifier: PostgreSQL truncates beyond 63 bytes. */
    public static final int MAX_LENGTH = 63;

    /**
     * SQL:2016 reserved words plus those PostgreSQL and H2 reserve, and our own row columns: a column named after
     * one of them would need quoting everywhere.
     */
    private static final Set<String> RESERVED = Set.of("all", "analyse", "analyze", "and", "any", "array", "as",
            "asc", "asymmetric", "authorization", "between", "binary", "both", "case", "cast", "check", "collate",
            "column", "constraint", "create", "cross", "current_catalog", "current_date", "current_role",
            "current_schema", "current_time", "current_timestamp", "current_user", "default", "deferrable", "desc",
            "distinct", "do", "else", "end", "except", "exists", "false", "fetch", "for", "foreign", "freeze",
            "from", "full", "grant", "group", "having", "if", "ilike", "in", "initially", "inner", "intersect",
            "intersects", "interval", "into", "is", "isnull", "join", "key", "lateral", "leading", "left", "like",
            "limit", "localtime", "localtimestamp", "minus", "natural", "not", "notnull", "null", "offset", "on",
            "only", "or", "order", "outer", "overlaps", "placing", "primary", "qualify", "references", "returning",
            "right", "row", "rownum", "select", "session_user", "similar", "some", "symmetric", "system_user",
            "table", "tablesample", "then", "to", "top", "trailing", "true", "union", "unique", "unknown", "user",
            "using", "value", "values", "variadic", "verbose", "when", "where", "window", "with", "year", "month",
            "day", "hour", "minute", "second", "_rowid_", "oid", "ctid", "xmin", "xmax", "cmin", "cmax", "tableoid",
            "geom", "fid");

    private ColumnNames() {
    }

    /** The safe form of one label (not yet made unique); "colonne" for a label with no letter or digit. */
    public static String safe(String label) {
        // Ligatures have no decomposition: spell them out before dropping accents.
        String spelled = label.replace('\uFEFF', ' ').replace("æ", "ae").replace("Æ", "AE").replace("œ", "oe")
                .replace("Œ", "OE").replace("ß", "ss");
        String decomposed = Normalizer.normalize(spelled, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean pendingUnderscore = false;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue; // the accent of a decomposed letter
            }
            char lower = Character.toLowerCase(c);
            if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
                if (pendingUnderscore && !out.isEmpty()) {
                    out.append('_');
                }
                pendingUnderscore = false;
                out.append(lower);
            } else {
                pendingUnderscore = true;
            }
        }
        String name = out.isEmpty() ? "colonne" : out.toString();
        if (Character.isDigit(name.charAt(0))) {
            name = "c_" + name;
        }
        if (name.length() > MAX_LENGTH) {
            name = name.substring(0, MAX_LENGTH).replaceAll("_+$", "");
        }
        if (RESERVED.contains(name)) {
            name = name + "_";
        }
        return name;
    }

    /** Safe and unique identifiers for a table's labels, in order: a repeated one gets {@code _2}, {@code _3}… */
    public static List<String> unique(List<String> labels) {
        Set<String> taken = new HashSet<>();
        List<String> names = new ArrayList<>(labels.size());
        for (String label : labels) {
            names.add(claim(safe(label), taken));
        }
        return names;
    }

    /** {@code wanted} if free, else the first free {@code wanted_N}; records the result in {@code taken}. */
    static String claim(String wanted, Set<String> taken) {
        String name = wanted;
        for (int n = 2; !taken.add(name); n++) {
            String suffix = "_" + n;
            String base = wanted.length() + suffix.length() > MAX_LENGTH
                    ? wanted.substring(0, MAX_LENGTH - suffix.length()) : wanted;
            name = base + suffix;
        }
        return name;
    }
}
