package fr.mel.opale.geo.shapefile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The attribute fields of a shapefile download, one per column: dBase III names have at most 10 ASCII characters,
 * so column names are cut to 10 and made unique by a numbered ending ({@code population_2020} and
 * {@code population_2021} become {@code population} and {@code populati_1}). The zip carries the mapping back to
 * the full names ({@link #mapping()}), with what was cut or left empty.
 */
final class DbfFields {
    /** Readers such as ArcGIS stop at 255 fields, and 255 fields of 254 bytes still fit a dBase record. */
    public static final int MAX_FIELDS = 255;
    static final int MAX_NAME = 10;
    private final List<DbfField> fields;

    DbfFields(List<Attribute> columns) {
        Set<String> used = new HashSet<>();
        List<DbfField> list = new ArrayList<>(columns.size());
        for (Attribute column : columns) {
            String name = shortName(column.name(), used);
            used.add(name.toLowerCase(Locale.ROOT));
            list.add(new DbfField(column, name));
        }
        this.fields = List.copyOf(list);
    }

    static String shortName(String name, Set<String> used) {
        String ascii = name.replaceAll("[^A-Za-z0-9_]", "_");
        String candidate = ascii.length() <= MAX_NAME ? ascii : ascii.substring(0, MAX_NAME);
        for (int n = 1; used.contains(candidate.toLowerCase(Locale.ROOT)); n++) {
            String ending = "_" + n;
            candidate = ascii.substring(0, Math.min(ascii.length(), MAX_NAME - ending.length())) + ending;
        }
        return candidate;
    }

    List<DbfField> list() {
        return fields;
    }

    /** 1 (the deletion flag) + the fields' widths; final once every row is encoded. */
    int recordLength() {
        return 1 + fields.stream().mapToInt(DbfField::length).sum();
    }

    /**
     * The mapping file shipped in the zip (CSV, UTF-8, CRLF): dBase field name, full column name, column title,
     * dBase type, width, decimals, and a note when values were cut or left empty.
     */
    String mapping() {
        StringBuilder csv = new StringBuilder("champ_dbf,colonne,titre,type_dbf,largeur,decimales,remarque\r\n");
        for (DbfField field : fields) {
            List<String> notes = new ArrayList<>();
            if (field.column.type() == Attribute.Type.TIMESTAMP) {
                notes.add("horodatage ISO 8601 en UTC (texte)");
            }
            if (field.truncated() > 0) {
                notes.add(field.truncated() + " valeur(s) tronquée(s) à " + DbfField.MAX_LENGTH + " octets");
            }
            if (field.dropped() > 0) {
                notes.add(field.dropped() + " valeur(s) impossible(s) à écrire, laissée(s) vide(s)");
            }
            csv.append(String.join(",", List.of(field.name, field.column.name(), quoted(field.column.title()),
                    String.valueOf(field.type()), String.valueOf(field.length()), String.valueOf(field.decimals()),
                    quoted(String.join(" ; ", notes))))).append("\r\n");
        }
        return csv.toString();
    }

    private static String quoted(String text) {
        return text.matches("[^\",\r\n]*") ? text : "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
