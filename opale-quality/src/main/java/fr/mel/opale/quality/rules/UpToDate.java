package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.CatalogRecord;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code upToDate}: the resource is no older than its declared update frequency allows, plus {@code graceDays}.
 *
 * <p>The reference date is the latest of the resource's creation, publication and revision dates, else the
 * metadata date. Decisions, so that the score stays explainable:
 * <ul>
 *   <li>a periodic frequency (continual and daily: 1 day, weekly 7, fortnightly 14, semimonthly 16, monthly 31,
 *       quarterly 92, biannually 183, annually 366, biennially 731 days) is met when the reference date is at most
 *       that many days (plus grace) before today;</li>
 *   <li>{@code asNeeded}, {@code irregular}, {@code notPlanned} and {@code periodic} promise no date: always met
 *       (a record cannot be late on a schedule it does not have);</li>
 *   <li>no frequency, {@code unknown}, or an unrecognised code: missed — nobody can tell whether the data is
 *       current, and the hint asks the producer to declare a frequency;</li>
 *   <li>a periodic frequency but no date at all: missed.</li>
 * </ul>
 */
public record UpToDate(int graceDays) implements Check {
    private static final Map<String, Integer> PERIOD_DAYS = Map.ofEntries(
            Map.entry("continual", 1), Map.entry("daily", 1), Map.entry("weekly", 7), Map.entry("fortnightly", 14),
            Map.entry("semimonthly", 16), Map.entry("monthly", 31), Map.entry("quarterly", 92),
            Map.entry("biannually", 183), Map.entry("annually", 366), Map.entry("biennially", 731));
    private static final Set<String> NO_SCHEDULE = Set.of("asneeded", "irregular", "notplanned", "periodic");

    @Override
    public boolean test(CatalogRecord record, LocalDate today) {
        String frequency = record.updateFrequency();
        if (frequency == null) {
            return false;
        }
        String code = frequency.strip();
        if (NO_SCHEDULE.contains(code.toLowerCase(Locale.ROOT))) {
            return true;
        }
        Integer period = PERIOD_DAYS.get(code);
        if (period == null) {
            period = PERIOD_DAYS.get(code.toLowerCase(Locale.ROOT));
        }
        LocalDate reference = reference(record);
        return period != null && reference != null
                && ChronoUnit.DAYS.between(reference, today) <= period + graceDays;
    }

    static @Nullable LocalDate reference(CatalogRecord record) {
        LocalDate latest = record.dates().latest();
        if (latest != null) {
            return latest;
        }
        return record.metadataDate() == null ? null : record.metadataDate().toLocalDate();
    }
}
