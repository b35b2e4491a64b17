package fr.mel.opale.catalog.iso;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Lenient reading of the dates found in real records: {@code 2012}, {@code 2012-05}, {@code 2014-09-08Z},
 * {@code 2015-08-28T12:48:06.7163297Z}, {@code 2017-08-11T11:36:17.183+02:00}, even {@code 08/09/2014}. A partial
 * date means its first day; a time zone is dropped (the wall-clock time as written is kept); anything else is
 * ignored (null), never an error: a bad date must not cost the whole record.
 */
final class IsoDates {
    private static final Pattern ISO_DATE = Pattern.compile("^(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?(?![\\d])");
    private static final Pattern FRENCH_DATE = Pattern.compile("^(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");
    private static final Pattern TIME = Pattern.compile("^[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d+))?)?");

    private IsoDates() {
    }

    static @Nullable LocalDate date(@Nullable String text) {
        String value = Dom.strip(text);
        if (value == null) {
            return null;
        }
        try {
            Matcher iso = ISO_DATE.matcher(value);
            if (iso.find()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), number(iso.group(2)), number(iso.group(3)));
            }
            Matcher french = FRENCH_DATE.matcher(value);
            if (french.find()) {
                return LocalDate.of(Integer.parseInt(french.group(3)), Integer.parseInt(french.group(2)),
                        Integer.parseInt(french.group(1)));
            }
        } catch (DateTimeException e) {
            return null;
        }
        return null;
    }

    /** A date and time; a date alone means the start of that day. */
    static @Nullable LocalDateTime dateTime(@Nullable String text) {
        LocalDate date = date(text);
        if (date == null) {
            return null;
        }
        String value = text.strip();
        Matcher iso = ISO_DATE.matcher(value);
        if (!iso.find() || iso.group(3) == null) {
            return date.atStartOfDay();
        }
        Matcher time = TIME.matcher(value.substring(iso.end()));
        if (!time.find()) {
            return date.atStartOfDay();
        }
        try {
            String fraction = time.group(4) == null ? "0" : (time.group(4) + "000000000").substring(0, 9);
            return date.atTime(LocalTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2)),
                    time.group(3) == null ? 0 : Integer.parseInt(time.group(3)), Integer.parseInt(fraction)));
        } catch (DateTimeException e) {
            return date.atStartOfDay();
        }
    }

    private static int number(@Nullable String group) {
        return group == null ? 1 : Integer.parseInt(group);
    }
}
