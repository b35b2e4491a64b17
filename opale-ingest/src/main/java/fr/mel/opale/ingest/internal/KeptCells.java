package fr.mel.opale.ingest.internal;

import fr.mel.opale.ingest.ColumnType;
import java.util.Arrays;

/**
 * What a speculative read keeps of its cells so that a column found wider at the end of the file can be widened in
 * the version already written instead of reading the file again: the raw text of the few cells its guessed type did
 * not hold as written (values that did not fit, null markers, which a text column keeps verbatim), and, per column,
 * whether the values it did hold give back their text exactly (integers written as plain digits, dates all written
 * yyyy-MM-dd or all dd/MM/yyyy). Only integer and date columns keep cells: no other type widens in place. A column
 * with too many such cells stops keeping them, and so does any column once all columns together hold
 * {@link #BUDGET} (a wide file full of "nd" or "-" would otherwise hold hundreds of megabytes of them): a column
 * that stopped can then only be widened to a type that needs none of them, else the file is read again.
 */
final class KeptCells {
    /** Cells kept per column at most: beyond, a widening of that column needing them reads the file again. */
    static final int PER_COLUMN = 20_000;
    /**
     * Characters kept over all columns at most, each cell counted {@link #CELL_COST} more for its row number and
     * references: about 16 MB of strings.
     */
    static final long BUDGET = 8_000_000;
    static final int CELL_COST = 24;

    static final byte NO_DATE = 0;
    static final byte ISO_DATES = 1;
    static final byte FRENCH_DATES = 2;
    static final byte OTHER_DATES = 3;

    private final Column[] columns;
    private long left;

    KeptCells(int width) {
        this(width, BUDGET);
    }

    /** @param budget characters kept over all columns at most (see {@link #BUDGET}) */
    KeptCells(int width, long budget) {
        left = budget;
        columns = new Column[width];
        for (int i = 0; i < width; i++) {
            columns[i] = new Column();
        }
    }

    /**
     * A cell its column's guessed type did not take (a value that does not fit, or a null marker); kept only for an
     * integer or date column, the only ones that widen in place.
     */
    void keep(long row, int column, ColumnType type, String raw) {
        if (type != ColumnType.INTEGER && type != ColumnType.DATE) {
            return;
        }
        Column c = columns[column];
        if (c.overflow) {
            return;
        }
        long cost = (long) raw.length() + CELL_COST;
        if (c.size == PER_COLUMN || cost > left) {
            c.overflow = true;
            left += c.cost; // what it held is given back to the other columns
            c.cost = 0;
            c.rows = null;
            c.raws = null;
            return;
        }
        left -= cost;
        c.cost += cost;
        if (c.size == c.rows.length) {
            c.rows = Arrays.copyOf(c.rows, c.size * 2);
            c.raws = Arrays.copyOf(c.raws, c.size * 2);
        }
        c.rows[c.size] = row;
        c.raws[c.size++] = raw;
    }

    /** A cell its column's type took: whether its value still gives back its text. */
    void held(int column, ColumnType type, String raw) {
        Column c = columns[column];
        if (type == ColumnType.INTEGER) {
            c.plainIntegers &= plainInteger(raw);
        } else if (type == ColumnType.DATE && c.dates != OTHER_DATES) {
            byte form = dateForm(raw);
            c.dates = c.dates == NO_DATE || c.dates == form ? form : OTHER_DATES;
        }
    }

    /** Whether every integer held was written as its own digits (no sign but '-', no zero ahead, no space, no group). */
    boolean plainIntegers(int column) {
        return columns[column].plainIntegers;
    }

    /** {@link #ISO_DATES}, {@link #FRENCH_DATES}, {@link #NO_DATE} when none was held, else {@link #OTHER_DATES}. */
    byte dates(int column) {
        return columns[column].dates;
    }

    boolean complete(int column) {
        return !columns[column].overflow;
    }

    int size(int column) {
        return columns[column].size;
    }

    long row(int column, int index) {
        return columns[column].rows[index];
    }

    String raw(int column, int index) {
        return columns[column].raws[index];
    }

    static boolean plainInteger(String s) {
        int n = s.length();
        int i = n > 0 && s.charAt(0) == '-' ? 1 : 0;
        if (i == n || n - i > 18 || (s.charAt(i) == '0' && n - i > 1) || (i == 1 && n == 2 && s.charAt(1) == '0')) {
            return false;
        }
        for (; i < n; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    static byte dateForm(String s) {
        if (s.length() != 10) {
            return OTHER_DATES;
        }
        if (s.charAt(4) == '-' && s.charAt(7) == '-' && digits(s, 0, 4) && digits(s, 5, 7) && digits(s, 8, 10)) {
            return ISO_DATES;
        }
        if (s.charAt(2) == '/' && s.charAt(5) == '/' && digits(s, 0, 2) && digits(s, 3, 5) && digits(s, 6, 10)) {
            return FRENCH_DATES;
        }
        return OTHER_DATES;
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return false;
            }
        }
        return true;
    }

    private static final class Column {
        long[] rows = new long[8];
        String[] raws = new String[8];
        int size;
        long cost;
        boolean overflow;
        boolean plainIntegers = true;
        byte dates = NO_DATE;
    }
}
