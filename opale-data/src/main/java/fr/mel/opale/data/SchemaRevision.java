package fr.mel.opale.data;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a row source learns only after its last row: some columns are wider than the types it declared when the load
 * began (a decimal where only integers had been seen, a word in a column of dates). The store applies it to the
 * version being written, after the rows and before the key, the spatial index and the statistics — the table is
 * altered in place, never written twice, and the version is published with these types or not at all.
 *
 * <p>Only widenings that lose nothing are accepted: integer to decimal, integer to text, date to text. A value
 * already written becomes its text in the form {@link #textForms()} names; the {@link #cells()} are the few values
 * the widening alone would not give (the late values themselves, null markers that a text column keeps verbatim).
 *
 * @param columns   the schema's columns with their final types: same names, same order
 * @param textForms for a column that becomes text, how its values already written read: by column name
 * @param cells     values written over the ones in place, typed for their column's final type
 */
public record SchemaRevision(List<Column> columns, Map<String, TextForm> textForms, List<Cell> cells) {
    public SchemaRevision {
        columns = List.copyOf(columns);
        textForms = Map.copyOf(textForms);
        cells = List.copyOf(cells);
    }

    /** How values already written in a column become text. */
    public enum TextForm {
        /** The type's own text: an integer's digits, a date as yyyy-MM-dd. */
        CANONICAL,
        /** A date as dd/MM/yyyy, as French files write them. */
        DAY_MONTH_YEAR
    }

    /** One value to write over: the row's {@code _fid}, the column's position in {@link #columns()}, the value. */
    public record Cell(long fid, int column, @Nullable Object value) {
    }

    /** Whether a column of type {@code from} may become {@code to} in place (the same type included). */
    public static boolean widens(ColumnType from, ColumnType to) {
        return from == to || (from == ColumnType.INTEGER && (to == ColumnType.DECIMAL || to == ColumnType.TEXT))
                || (from == ColumnType.DATE && to == ColumnType.TEXT);
    }
}
