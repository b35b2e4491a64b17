package fr.mel.opale.ingest;

import org.jspecify.annotations.Nullable;

/**
 * One column of the file and what it becomes.
 *
 * @param source           position of the column in the file's records (0-based)
 * @param label            original label, kept as the column's title
 * @param name             safe SQL identifier (see {@link ColumnNames})
 * @param type             type of the values delivered
 * @param skip             left out of the rows
 * @param decimalSeparator for numbers written as text: '.' or ','
 * @param format           how dates were written (e.g. "dd/MM/yyyy"), for display; parsing accepts every
 *                         supported pattern
 * @param declared         the format declared the type (DBF, GeoPackage) rather than the analysis inferring it
 */
public record ColumnPlan(int source, String label, String name, ColumnType type, boolean skip,
                         @Nullable Character decimalSeparator, @Nullable String format, boolean declared) {
    public ColumnPlan withName(String value) {
        return new ColumnPlan(source, label, value, type, skip, decimalSeparator, format, declared);
    }

    public ColumnPlan withType(ColumnType value) {
        return new ColumnPlan(source, label, name, value, skip, decimalSeparator, format, declared);
    }

    public ColumnPlan withSkip(boolean value) {
        return new ColumnPlan(source, label, name, type, value, decimalSeparator, format, declared);
    }
}
