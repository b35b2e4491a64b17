package fr.mel.opale.ingest.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * What a cell's text can be, and its value once a column type is chosen. Hand-written scanners rather than regular
 * expressions: the analysis classifies every cell of files of millions of rows.
 *
 * <p>Numbers: an optional sign, an integer part with no leading zero (codes such as "01" or "05 61 00 27 47" stay
 * text), optionally grouped by thousands, an optional fraction and exponent. Read "dot" style ('.' decimal,
 * ',' or spaces grouping) or "comma" style (',' decimal, '.' or spaces grouping); a column keeps the styles all its
 * values fit. Dates: yyyy-MM-dd, yyyy/MM/dd, dd/MM/yyyy, dd-MM-yyyy, dd.MM.yyyy (day and month on one or two
 * digits), optionally followed by 'T' or ' ' and HH:mm[:ss[.fraction]] and an offset (Z, +01:00, +0100).
 */
final class CellText {
    static final int BOOL = 1;
    static final int INT_DOT = 1 << 1;
    static final int NUM_DOT = 1 << 2;
    static final int INT_COMMA = 1 << 3;
    static final int NUM_COMMA = 1 << 4;
    static final int DATE = 1 << 5;
    /** Date or date-time: a column of both is a timestamp column. */
    static final int TIMESTAMP = 1 << 6;
    static final int ALL_TYPES = BOOL | INT_DOT | NUM_DOT | INT_COMMA | NUM_COMMA | DATE | TIMESTAMP;

    // Facts about a value that are not types but steer the choice.
    static final int WORD_BOOLEAN = 1 << 8;
    static final int ZERO = 1 << 9;
    static final int ONE = 1 << 10;
    static final int HAS_COMMA = 1 << 11;
    static final int HAS_DOT = 1 << 12;
    static final int DATE_ISO = 1 << 13;
    static final int DATE_YMD_SLASH = 1 << 14;
    static final int DATE_DMY_SLASH = 1 << 15;
    static final int DATE_DMY_DASH = 1 << 16;
    static final int DATE_DMY_DOT = 1 << 17;

    /** Naive date-times are taken in the territory's time zone. */
    static final ZoneId LOCAL_ZONE = ZoneId.of("Europe/Paris");

    private CellText() {
    }

    /** Whether a trimmed cell is a "no value" marker: "", NA, N/A, n/a, -, null, NULL, nd, n.d., #N/A, NaN… */
    static boolean isNullMarker(String t) {
        return t.isEmpty() || contains(NULL_MARKERS, shortWord(t));
    }

    private static final long[] NULL_MARKERS = shortWords("na", "n/a", "n.a.", "n.a", "nan", "null", "nd", "n.d.", "n.d",
            "n/d", "-", "--", "#n/a", "nr", "n.r.", "/");
    private static final long[] TRUE_WORDS = shortWords("oui", "vrai", "true", "yes", "1");
    private static final long[] FALSE_WORDS = shortWords("non", "faux", "false", "no", "0");

    /**
     * A cell of at most five ASCII characters, lower-cased, as one number (a byte per character); 0 for any other.
     * The null markers and boolean words are compared this way because every cell of a file is checked against
     * them: lower-casing a copy of each, or comparing it to each word ignoring case, was a measurable share of
     * reading a file. Lower-casing outside ASCII never yields one of these words, so the answers are the same.
     */
    static long shortWord(String t) {
        int n = t.length();
        if (n == 0 || n > 5) {
            return 0;
        }
        long word = 0;
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            } else if (c == 0 || c > 0x7F) {
                return 0;
            }
            word = word << 8 | c;
        }
        return word;
    }

    private static long[] shortWords(String... words) {
        long[] packed = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            packed[i] = shortWord(words[i]);
        }
        return packed;
    }

    private static boolean contains(long[] words, long word) {
        if (word != 0) {
            for (long w : words) {
                if (w == word) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Type bits and facts for one trimmed, non-marker cell. */
    static int classify(String t) {
        char first = t.charAt(0);
        int bits = 0;
        if (t.indexOf(',') >= 0) {
            bits |= HAS_COMMA;
        }
        if (t.indexOf('.') >= 0) {
            bits |= HAS_DOT;
        }
        if ((first >= '0' && first <= '9') || first == '-' || first == '+' || first == '.' || first == ',') {
            int dot = numberBits(t, '.');
            bits |= dot == 2 ? INT_DOT | NUM_DOT : dot == 1 ? NUM_DOT : 0;
            int comma = numberBits(t, ',');
            bits |= comma == 2 ? INT_COMMA | NUM_COMMA : comma == 1 ? NUM_COMMA : 0;
            if (t.length() == 1 && (first == '0' || first == '1')) {
                bits |= BOOL | (first == '0' ? ZERO : ONE);
            }
            if (first >= '0' && first <= '9' && t.length() >= 8) {
                bits |= dateBits(t);
            }
        } else if (t.length() <= 5 && isBooleanWord(t)) {
            bits |= BOOL | WORD_BOOLEAN;
        }
        return bits;
    }

    static boolean isBooleanWord(String t) {
        return parseBoolean(t) != null;
    }

    static @Nullable Boolean parseBoolean(String t) {
        long word = shortWord(t);
        return contains(TRUE_WORDS, word) ? Boolean.TRUE : contains(FALSE_WORDS, word) ? Boolean.FALSE : null;
    }

    /**
     * 2 when {@code t} is an integer in the given decimal style, 1 a non-integral number, 0 not a number.
     * Grouping: spaces (also no-break ones) and the other one of '.'/',' between groups of exactly three digits.
     */
    static int numberBits(String t, char decimalMark) {
        char groupMark = decimalMark == '.' ? ',' : '.';
        int n = t.length();
        if (n == 0) {
            return 0;
        }
        int i = 0;
        if (t.charAt(0) == '-' || t.charAt(0) == '+') {
            i = 1;
        }
        int intDigits = 0;
        int groupDigits = 0;
        char grouping = 0;
        boolean leadingZero = false;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                if (intDigits == 0 && c == '0') {
                    leadingZero = true;
                }
                intDigits++;
                groupDigits++;
            } else if (c == groupMark || c == ' ' || c == '\u00A0' || c == '\u202F') {
                if (grouping == 0) {
                    if (groupDigits == 0 || groupDigits > 3) {
                        return 0;
                    }
                    grouping = c;
                } else if (c != grouping || groupDigits != 3) {
                    return 0;
                }
                groupDigits = 0;
            } else {
                break;
            }
        }
        if (grouping != 0 && groupDigits != 3) {
            return 0;
        }
        if (leadingZero && intDigits > 1) {
            return 0; // "01", "0033": a code, not a quantity
        }
        if (i == n) {
            return intDigits > 0 && intDigits <= 18 ? 2 : 0;
        }
        int fractionDigits = 0;
        if (t.charAt(i) == decimalMark) {
            for (i++; i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9'; i++) {
                fractionDigits++;
            }
            if (fractionDigits == 0) {
                return 0;
            }
        }
        if (intDigits == 0 && fractionDigits == 0) {
            return 0;
        }
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            i++;
            if (i < n && (t.charAt(i) == '-' || t.charAt(i) == '+')) {
                i++;
            }
            int expDigits = 0;
            for (; i < n && t.charAt(i) >= '0' && t.charAt(i) <= '9'; i++) {
                expDigits++;
            }
            if (expDigits == 0 || expDigits > 3) {
                return 0;
            }
        }
        return i == n ? 1 : 0;
    }

    /**
     * The exact value of a number in the given decimal style ({@link Decimals}' canonical form), or null when
     * {@code t} is not one or is beyond {@link Decimals}' bounds. What a decimal column holds: never a double.
     */
    static @Nullable BigDecimal parseDecimal(String t, char decimalMark) {
        return numberBits(t, decimalMark) == 0 ? null : parseCheckedDecimal(t, decimalMark);
    }

    /**
     * {@link #parseDecimal} of a cell already known to be a number in that style ({@link #numberBits} not 0): the
     * digits straight into an unscaled long and a scale, grouping skipped; only a number of more than 18 digits goes
     * through {@link BigDecimal}'s own parser.
     */
    static @Nullable BigDecimal parseCheckedDecimal(String t, char decimalMark) {
        int n = t.length();
        int i = 0;
        boolean negative = false;
        if (t.charAt(0) == '-' || t.charAt(0) == '+') {
            negative = t.charAt(0) == '-';
            i = 1;
        }
        long unscaled = 0;
        long scale = 0;
        boolean fraction = false;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                if (unscaled > (Long.MAX_VALUE - 9) / 10) {
                    return bigDecimal(t, decimalMark);
                }
                unscaled = unscaled * 10 + (c - '0');
                if (fraction) {
                    scale++;
                }
            } else if (c == decimalMark) {
                fraction = true;
            } else if (c == 'e' || c == 'E') {
                scale -= Integer.parseInt(t, i + 1, n, 10); // at most three digits (numberBits)
                break;
            } // else a grouping mark, where numberBits allowed one
        }
        return Decimals.of(negative ? -unscaled : unscaled, scale);
    }

    /**
     * The rare number of more than 18 digits: its digits, point and exponent handed to {@link BigDecimal}, whose
     * parser is quadratic in the digits — so a text too long to be within {@link Decimals}' bounds is refused first.
     */
    private static @Nullable BigDecimal bigDecimal(String t, char decimalMark) {
        if (t.length() > 3 * Decimals.MAX_DIGITS) {
            return null;
        }
        return Decimals.of(new BigDecimal(javaNumber(t, decimalMark)));
    }

    /** A number of that style as Java's parsers read it: '.' for the decimal mark, grouping left out. */
    private static String javaNumber(String t, char decimalMark) {
        StringBuilder clean = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == decimalMark) {
                clean.append('.');
            } else if ((c >= '0' && c <= '9') || c == '-' || c == '+' || c == 'e' || c == 'E') {
                clean.append(c);
            }
        }
        return clean.toString();
    }

    /** The value of a number in the given decimal style, or NaN when {@code t} is not one. */
    static double parseNumber(String t, char decimalMark) {
        return numberBits(t, decimalMark) == 0 ? Double.NaN : parseCheckedNumber(t, decimalMark);
    }

    /** {@link #parseNumber} of a cell already known to be a number in that style ({@link #numberBits} not 0). */
    static double parseCheckedNumber(String t, char decimalMark) {
        double fast = plainDecimal(t, decimalMark);
        if (!Double.isNaN(fast)) {
            return fast;
        }
        boolean plain = true;
        for (int i = 0; i < t.length() && plain; i++) {
            char c = t.charAt(i);
            plain = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == 'e' || c == 'E' || c == '.';
        }
        if (plain && decimalMark == '.') {
            return Double.parseDouble(t);
        }
        return Double.parseDouble(javaNumber(t, decimalMark));
    }

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
        1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * "-12.345" without grouping or exponent, at most 2^53 as digits and 22 decimals: digits / 10^decimals, both
     * exact doubles, so the one division is correctly rounded — the very double {@link Double#parseDouble} returns
     * (Clinger's fast path), without its big-integer slow path, which was the largest cost of reading decimals.
     * NaN when the text is not of that shape.
     */
    private static double plainDecimal(String t, char decimalMark) {
        int n = t.length();
        int i = 0;
        boolean negative = false;
        if (n > 0 && (t.charAt(0) == '-' || t.charAt(0) == '+')) {
            negative = t.charAt(0) == '-';
            i = 1;
        }
        long digits = 0;
        int count = 0;
        int decimals = -1;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                if (digits > ((1L << 53) - 9) / 10) {
                    return Double.NaN;
                }
                digits = digits * 10 + (c - '0');
                count++;
                if (decimals >= 0) {
                    decimals++;
                }
            } else if (c == decimalMark && decimals < 0) {
                decimals = 0;
            } else {
                return Double.NaN;
            }
        }
        if (count == 0 || decimals >= POWERS_OF_TEN.length) {
            return Double.NaN;
        }
        double value = decimals <= 0 ? digits : digits / POWERS_OF_TEN[decimals];
        return negative ? -value : value;
    }

    /** The integer value, or null when {@code t} is not an integer in that style. */
    static @Nullable Long parseInteger(String t, char decimalMark) {
        int n = t.length();
        boolean digitsOnly = n > 0 && n <= 18;
        for (int i = 0; i < n && digitsOnly; i++) {
            char c = t.charAt(i);
            digitsOnly = (c >= '0' && c <= '9') || (i == 0 && c == '-' && n > 1);
        }
        if (digitsOnly && (n == 1 || t.charAt(t.charAt(0) == '-' ? 1 : 0) != '0' || n == 2 && t.charAt(0) == '-')) {
            return Long.parseLong(t);
        }
        if (numberBits(t, decimalMark) != 2) {
            return null;
        }
        StringBuilder clean = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if ((c >= '0' && c <= '9') || c == '-') {
                clean.append(c);
            }
        }
        return Long.parseLong(clean.toString());
    }

    /** DATE or TIMESTAMP|DATE-pattern bits for a text that is a date or a date-time, else 0. */
    static int dateBits(String t) {
        Object value = parseTemporal(t);
        if (value == null) {
            return 0;
        }
        int pattern = datePattern(t);
        return (value instanceof LocalDate ? DATE | TIMESTAMP : TIMESTAMP) | pattern;
    }

    private static int datePattern(String t) {
        char c4 = t.length() > 4 ? t.charAt(4) : 0;
        if (c4 == '-') {
            return DATE_ISO;
        }
        if (c4 == '/') {
            return DATE_YMD_SLASH;
        }
        int sep = t.indexOf('/') >= 0 && t.indexOf('/') < 3 ? '/' : t.indexOf('.') >= 0 && t.indexOf('.') < 3 ? '.' : '-';
        return sep == '/' ? DATE_DMY_SLASH : sep == '.' ? DATE_DMY_DOT : DATE_DMY_DASH;
    }

    /** The display pattern of the date styles seen in a column. */
    static @Nullable String dateFormat(int bits) {
        StringBuilder out = new StringBuilder();
        if ((bits & DATE_DMY_SLASH) != 0) {
            out.append("dd/MM/yyyy");
        }
        if ((bits & DATE_ISO) != 0) {
            out.append(out.isEmpty() ? "" : ", ").append("yyyy-MM-dd (ISO 8601)");
        }
        if ((bits & DATE_YMD_SLASH) != 0) {
            out.append(out.isEmpty() ? "" : ", ").append("yyyy/MM/dd");
        }
        if ((bits & DATE_DMY_DASH) != 0) {
            out.append(out.isEmpty() ? "" : ", ").append("dd-MM-yyyy");
        }
        if ((bits & DATE_DMY_DOT) != 0) {
            out.append(out.isEmpty() ? "" : ", ").append("dd.MM.yyyy");
        }
        return out.isEmpty() ? null : out.toString();
    }

    /** A {@link LocalDate}, an {@link OffsetDateTime}, or null when the text is neither. */
    static @Nullable Object parseTemporal(String t) {
        int n = t.length();
        // Three numeric parts without arrays: this runs on every numeric-looking cell of the analysis.
        int p0 = 0;
        int p1 = 0;
        int p2 = 0;
        int w0 = 0;
        int w1 = 0;
        int w2 = 0;
        int part = 0;
        int i = 0;
        char separator = 0;
        for (; i < n && part < 3; i++) {
            char c = t.charAt(i);
            if (c >= '0' && c <= '9') {
                int d = c - '0';
                if (part == 0) {
                    if (w0 == 4) {
                        return null;
                    }
                    p0 = p0 * 10 + d;
                    w0++;
                } else if (part == 1) {
                    if (w1 == 2) {
                        return null;
                    }
                    p1 = p1 * 10 + d;
                    w1++;
                } else {
                    if (w2 == 4) {
                        return null;
                    }
                    p2 = p2 * 10 + d;
                    w2++;
                }
            } else if ((c == '-' || c == '/' || c == '.') && part < 2 && (part == 0 ? w0 : w1) > 0
                    && (separator == 0 || separator == c)) {
                separator = c;
                part++;
            } else {
                break;
            }
        }
        int[] parts = {p0, p1, p2};
        int[] widths = {w0, w1, w2};
        if (part != 2 || widths[2] == 0) {
            return null;
        }
        int year;
        int month = parts[1];
        int day;
        if (widths[0] == 4 && widths[1] <= 2 && widths[2] <= 2 && separator != '.') {
            year = parts[0];
            day = parts[2];
        } else if (widths[2] == 4 && widths[0] <= 2 && widths[1] <= 2) {
            year = parts[2];
            day = parts[0];
        } else {
            return null;
        }
        if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null; // 31/02
        }
        if (i == n) {
            return date;
        }
        char sep = t.charAt(i);
        if (sep != 'T' && sep != ' ') {
            return null;
        }
        return parseTime(t, i + 1, date);
    }

    private static @Nullable OffsetDateTime parseTime(String t, int from, LocalDate date) {
        int n = t.length();
        int i = from;
        int[] hms = new int[3];
        int fields = 0;
        while (fields < 3) {
            if (i + 2 > n || !isDigit(t.charAt(i)) || !isDigit(t.charAt(i + 1))) {
                return null;
            }
            hms[fields++] = (t.charAt(i) - '0') * 10 + (t.charAt(i + 1) - '0');
            i += 2;
            if (i < n && t.charAt(i) == ':' && fields < 3) {
                i++;
            } else {
                break;
            }
        }
        if (fields < 2 || hms[0] > 23 || hms[1] > 59 || hms[2] > 59) {
            return null;
        }
        int nanos = 0;
        if (i < n && (t.charAt(i) == '.' || t.charAt(i) == ',') && fields == 3) {
            i++;
            int scale = 100_000_000;
            int digits = 0;
            for (; i < n && isDigit(t.charAt(i)); i++, digits++) {
                if (digits < 9) {
                    nanos += (t.charAt(i) - '0') * scale;
                    scale /= 10;
                }
            }
            if (digits == 0) {
                return null;
            }
        }
        LocalDateTime local = date.atTime(hms[0], hms[1], hms[2], nanos);
        if (i == n) {
            return local.atZone(LOCAL_ZONE).toOffsetDateTime();
        }
        char z = t.charAt(i);
        if ((z == 'Z' || z == 'z') && i + 1 == n) {
            return local.atOffset(ZoneOffset.UTC);
        }
        if (z != '+' && z != '-') {
            return null;
        }
        String offset = t.substring(i);
        if (offset.length() == 5 && offset.indexOf(':') < 0) {
            offset = offset.substring(0, 3) + ":" + offset.substring(3);
        } else if (offset.length() == 3) {
            offset = offset + ":00";
        }
        try {
            return local.atOffset(ZoneOffset.of(offset));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
