package fr.mel.opale.ingest.internal;

import fr.mel.opale.ingest.ColumnProfile;
import fr.mel.opale.ingest.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.Temporal;
import org.jspecify.annotations.Nullable;

/**
 * Everything the analysis learns about one column, in constant memory: which types every value so far fits, the
 * first value that pushed the column back to text, null and distinct counts, samples, numeric range, and whether
 * the values look like geometries.
 *
 * <p>Text cells (CSV, XLSX) may become any type. Typed cells (JSON numbers, booleans) say their type. With
 * {@code stringsAreText}, text cells may only become dates (a JSON string "01" stays text). A column whose type
 * the format declares (DBF, GeoPackage) is only counted.
 */
final class ColumnStats {
    private final @Nullable ColumnType declared;
    private final boolean stringsAreText;
    private int mask = CellText.ALL_TYPES;
    private int facts;
    private long nonNull;
    private long empty;
    private long markers;
    private final DistinctCounter distinct = new DistinctCounter(ColumnProfile.EXACT_DISTINCT_LIMIT);
    private double minDot = Double.POSITIVE_INFINITY;
    private double maxDot = Double.NEGATIVE_INFINITY;
    private double minComma = Double.POSITIVE_INFINITY;
    private double maxComma = Double.NEGATIVE_INFINITY;
    private long wktLike;
    private long geoJsonLike;
    private long latLonLike;
    private int ewktSrid;
    private @Nullable String demotedValue;
    private long demotedLine;
    private @Nullable ColumnType demotedFrom;
    private long conformingBeforeDemotion;

    ColumnStats(@Nullable ColumnType declared, boolean stringsAreText) {
        this.declared = declared;
        this.stringsAreText = stringsAreText;
    }

    /** Counts {@code rows} earlier rows that had no value here (a GeoJSON property first seen late). */
    void addMissing(long rows) {
        empty += rows;
    }

    void observe(@Nullable Object cell, long line) {
        if (cell == null) {
            empty++;
            return;
        }
        if (cell instanceof String s) {
            observeText(s, line);
            return;
        }
        nonNull++;
        String text = canonical(cell);
        distinct.add(text);
        if (declared != null) {
            if (cell instanceof Number number) {
                range(number.doubleValue(), number.doubleValue());
            }
            return;
        }
        int bits;
        if (cell instanceof Long || cell instanceof Integer || cell instanceof Short) {
            bits = CellText.INT_DOT | CellText.NUM_DOT | CellText.INT_COMMA | CellText.NUM_COMMA;
            range(((Number) cell).doubleValue(), ((Number) cell).doubleValue());
        } else if (cell instanceof Number number) {
            bits = CellText.NUM_DOT | CellText.NUM_COMMA;
            range(number.doubleValue(), number.doubleValue());
        } else if (cell instanceof Boolean) {
            bits = CellText.BOOL | CellText.WORD_BOOLEAN;
        } else if (cell instanceof LocalDate) {
            bits = CellText.DATE | CellText.TIMESTAMP | CellText.DATE_ISO;
        } else if (cell instanceof OffsetDateTime || cell instanceof LocalDateTime || cell instanceof Temporal) {
            bits = CellText.TIMESTAMP | CellText.DATE_ISO;
        } else {
            bits = 0;
        }
        narrow(bits, text, line);
    }

    private void observeText(String s, long line) {
        if (s.isEmpty()) {
            empty++;
            return;
        }
        String t = s.strip();
        if (declared == null || declared != ColumnType.TEXT) {
            if (CellText.isNullMarker(t)) {
                markers++;
                return;
            }
        }
        nonNull++;
        distinct.add(s);
        geometryHints(t);
        if (declared != null) {
            return;
        }
        int bits = CellText.classify(t);
        if (stringsAreText) {
            bits &= CellText.DATE | CellText.TIMESTAMP | 0xFFFF00 & ~(CellText.ZERO | CellText.ONE);
        }
        if ((bits & CellText.NUM_DOT) != 0 && (mask & CellText.NUM_DOT) != 0) {
            double v = CellText.parseCheckedNumber(t, '.');
            minDot = Math.min(minDot, v);
            maxDot = Math.max(maxDot, v);
        }
        if ((bits & CellText.NUM_COMMA) != 0 && (mask & CellText.NUM_COMMA) != 0) {
            double v = CellText.parseCheckedNumber(t, ',');
            minComma = Math.min(minComma, v);
            maxComma = Math.max(maxComma, v);
        }
        narrow(bits, t, line);
    }

    private void narrow(int bits, String value, long line) {
        facts |= bits & ~CellText.ALL_TYPES;
        int narrowed = mask & bits;
        if (narrowed != mask) {
            ColumnType before = type(mask, facts);
            mask = narrowed;
            if (narrowed == 0 && before != ColumnType.TEXT && demotedValue == null) {
                demotedValue = value.length() > 100 ? value.substring(0, 100) + "…" : value;
                demotedLine = line;
                demotedFrom = before;
                conformingBeforeDemotion = nonNull - 1;
            }
        }
    }

    private void range(double min, double max) {
        minDot = Math.min(minDot, min);
        maxDot = Math.max(maxDot, max);
        minComma = minDot;
        maxComma = maxDot;
    }

    private void geometryHints(String t) {
        char c = t.charAt(0);
        if (c == '{') {
            if (t.contains("\"type\"") && (t.contains("\"coordinates\"") || t.contains("\"geometries\""))) {
                geoJsonLike++;
            }
        } else if (c == 'P' || c == 'M' || c == 'L' || c == 'G' || c == 'S' || c == 'p' || c == 'm' || c == 'l'
                || c == 'g' || c == 's') {
            if (startsIgnoringCase(t, "SRID=")) {
                int semicolon = t.indexOf(';');
                if (semicolon > 5) {
                    try {
                        ewktSrid = Integer.parseInt(t.substring(5, semicolon).strip());
                    } catch (NumberFormatException ignored) {
                        return;
                    }
                    wktLike++;
                }
            } else if (startsIgnoringCase(t, "POINT") || startsIgnoringCase(t, "LINESTRING")
                    || startsIgnoringCase(t, "POLYGON") || startsIgnoringCase(t, "MULTIPOINT")
                    || startsIgnoringCase(t, "MULTILINESTRING") || startsIgnoringCase(t, "MULTIPOLYGON")
                    || startsIgnoringCase(t, "GEOMETRYCOLLECTION")) {
                wktLike++;
            }
        } else if (t.indexOf(',') > 0 && LatLonText.parse(t) != null) {
            latLonLike++;
        }
    }

    private static boolean startsIgnoringCase(String t, String prefix) {
        return t.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    /** The type the values seen so far call for. */
    ColumnType type() {
        if (declared != null) {
            return declared;
        }
        return nonNull == 0 ? ColumnType.TEXT : type(mask, facts);
    }

    private static ColumnType type(int mask, int facts) {
        if ((mask & CellText.BOOL) != 0 && ((facts & CellText.WORD_BOOLEAN) != 0
                || ((facts & CellText.ZERO) != 0 && (facts & CellText.ONE) != 0))) {
            return ColumnType.BOOLEAN;
        }
        char mark = decimalMark(mask, facts);
        if ((mask & (mark == ',' ? CellText.INT_COMMA : CellText.INT_DOT)) != 0) {
            return ColumnType.INTEGER;
        }
        if ((mask & (mark == ',' ? CellText.NUM_COMMA : CellText.NUM_DOT)) != 0) {
            return ColumnType.DECIMAL;
        }
        if ((mask & CellText.DATE) != 0) {
            return ColumnType.DATE;
        }
        if ((mask & CellText.TIMESTAMP) != 0) {
            return ColumnType.TIMESTAMP;
        }
        return ColumnType.TEXT;
    }

    /**
     * ',' when only the comma style fits, or when both fit and the values had commas but no dots ("1,234" in a
     * French file is more likely 1.234 than 1234); else '.'.
     */
    private static char decimalMark(int mask, int facts) {
        boolean comma = (mask & CellText.NUM_COMMA) != 0;
        boolean dot = (mask & CellText.NUM_DOT) != 0;
        if (comma && (!dot || ((facts & CellText.HAS_COMMA) != 0 && (facts & CellText.HAS_DOT) == 0))) {
            return ',';
        }
        return '.';
    }

    /** The decimal separator of a number column written as text, else null. */
    @Nullable Character decimalMark() {
        ColumnType type = type();
        if (declared != null || (type != ColumnType.INTEGER && type != ColumnType.DECIMAL)) {
            return null;
        }
        return decimalMark(mask, facts);
    }

    /** Whether a header cell would be a value of this column's type (then it is no header). */
    boolean fits(String cell) {
        ColumnType type = type();
        String t = cell.strip();
        if (type == ColumnType.TEXT || t.isEmpty() || CellText.isNullMarker(t)) {
            return false;
        }
        int bits = CellText.classify(t);
        char mark = decimalMark(mask, facts);
        return switch (type) {
            case BOOLEAN -> (bits & CellText.BOOL) != 0;
            case INTEGER -> (bits & (mark == ',' ? CellText.INT_COMMA : CellText.INT_DOT)) != 0;
            case DECIMAL -> (bits & (mark == ',' ? CellText.NUM_COMMA : CellText.NUM_DOT)) != 0;
            case DATE -> (bits & CellText.DATE) != 0;
            case TIMESTAMP -> (bits & CellText.TIMESTAMP) != 0;
            case TEXT -> false;
        };
    }

    @Nullable String dateFormat() {
        ColumnType type = type();
        return type == ColumnType.DATE || type == ColumnType.TIMESTAMP ? CellText.dateFormat(facts) : null;
    }

    boolean isDeclared() {
        return declared != null;
    }

    long nonNull() {
        return nonNull;
    }

    /** Nulls for the final type: empty cells, plus markers unless the column is text (then they are values). */
    long nulls() {
        return type() == ColumnType.TEXT ? empty : empty + markers;
    }

    @Nullable Double min() {
        ColumnType type = type();
        if (type != ColumnType.INTEGER && type != ColumnType.DECIMAL) {
            return null;
        }
        double v = decimalMark() != null && decimalMark() == ',' ? minComma : minDot;
        return Double.isInfinite(v) ? null : v;
    }

    @Nullable Double max() {
        ColumnType type = type();
        if (type != ColumnType.INTEGER && type != ColumnType.DECIMAL) {
            return null;
        }
        double v = decimalMark() != null && decimalMark() == ',' ? maxComma : maxDot;
        return Double.isInfinite(v) ? null : v;
    }

    boolean allWkt() {
        return nonNull > 0 && wktLike == nonNull;
    }

    int ewktSrid() {
        return ewktSrid;
    }

    boolean allGeoJson() {
        return nonNull > 0 && geoJsonLike == nonNull;
    }

    boolean allLatLonText() {
        return nonNull > 0 && latLonLike == nonNull;
    }

    DistinctCounter distinct() {
        return distinct;
    }

    /** The value that turned a typed column into text, when the column had typed values before it. */
    @Nullable String demotedValue() {
        return conformingBeforeDemotion > 0 && type() == ColumnType.TEXT ? demotedValue : null;
    }

    long demotedLine() {
        return demotedLine;
    }

    @Nullable ColumnType demotedFrom() {
        return demotedFrom;
    }

    long conformingBeforeDemotion() {
        return conformingBeforeDemotion;
    }

    /** A value a format typed, as text: numbers without exponent or useless ".0" ({@code 3.0} is "3"). */
    static String canonical(Object cell) {
        if (cell instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) (double) d);
            }
            return Double.toString(d);
        }
        if (cell instanceof BigDecimal d) {
            BigDecimal exact = Decimals.of(d);
            return exact == null ? d.toString() : Decimals.text(exact);
        }
        return cell.toString();
    }
}
