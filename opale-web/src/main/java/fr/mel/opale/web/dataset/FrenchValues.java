package fr.mel.opale.web.dataset;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Cell values as people read them, the same way the table's script writes them ({@code format.js}): numbers with a
 * narrow no-break space between thousands and a decimal comma ({@code 4 521,5}), dates in words with the French
 * ordinal of the first day ({@code 1er janvier 2025}), times in Europe/Paris, booleans as oui/non. English pages get
 * {@code 4,521.5}, {@code January 1, 2025}. Thread-safe.
 */
public final class FrenchValues {
    /** What {@code Intl.NumberFormat('fr-FR')} puts between thousands. */
    public static final char GROUP = '\u202F';
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter EN_DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private FrenchValues() {
    }

    /** Text of a cell; empty for null. */
    public static String format(@Nullable Object value, String lang) {
        boolean fr = !"en".equals(lang);
        if (value == null) {
            return "";
        }
        if (value instanceof Long || value instanceof Integer || value instanceof BigDecimal || value instanceof Double) {
            return number(new BigDecimal(value.toString()), fr);
        }
        if (value instanceof LocalDate date) {
            return date(date, fr);
        }
        if (value instanceof OffsetDateTime time) {
            var local = time.atZoneSameInstant(PARIS);
            return date(local.toLocalDate(), fr) + (fr ? " à " : " at ") + TIME.format(local);
        }
        if (value instanceof Boolean b) {
            return fr ? (b ? "oui" : "non") : (b ? "yes" : "no");
        }
        return value.toString();
    }

    static String number(BigDecimal value, boolean fr) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(fr ? Locale.FRENCH : Locale.ENGLISH);
        symbols.setGroupingSeparator(fr ? GROUP : ',');
        symbols.setDecimalSeparator(fr ? ',' : '.');
        symbols.setMinusSign('-');
        DecimalFormat format = new DecimalFormat("#,##0.###", symbols);
        format.setMaximumFractionDigits(Math.max(0, value.stripTrailingZeros().scale()));
        return format.format(value);
    }

    static String date(LocalDate date, boolean fr) {
        if (!fr) {
            return EN_DATE.format(date);
        }
        String text = FR_DATE.format(date);
        return date.getDayOfMonth() == 1 ? "1er" + text.substring(1) : text;
    }
}
