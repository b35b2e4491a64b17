package fr.mel.opale.data;

import java.util.regex.Pattern;

/**
 * One column of a dataset version.
 *
 * @param name  the safe identifier used in SQL, URLs and OGC property names: lower-case ASCII letters, digits and
 *              {@code _}, starting with a letter or {@code _}, at most 63 characters, and neither {@code _fid} nor
 *              {@code geom} (the store's own columns). Ingest derives it from the file's label ("Nb places" →
 *              {@code nb_places}); anything else is refused here, so no user text ever reaches SQL as an identifier.
 * @param title the original label, shown to people; any text
 * @param type  never null
 */
public record Column(String name, String title, ColumnType type) {
    private static final Pattern SAFE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public Column {
        if (name == null || !SAFE.matcher(name).matches() || name.equals("_fid") || name.equals("geom")) {
            throw DataProblem.invalidSchema("Le nom de colonne « " + name + " » n'est pas un identifiant sûr "
                    + "(lettres minuscules sans accent, chiffres et _, 63 caractères au plus ; _fid et geom sont réservés).");
        }
        if (type == null) {
            throw DataProblem.invalidSchema("La colonne « " + name + " » n'a pas de type.");
        }
        title = title == null || title.isBlank() ? name : title;
    }

    public static Column of(String name, ColumnType type) {
        return new Column(name, name, type);
    }
}
