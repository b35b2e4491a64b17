package fr.mel.opale.catalog.model;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The resource's creation, publication and last revision dates, each null when unknown. */
public record ResourceDates(@Nullable LocalDate created, @Nullable LocalDate published, @Nullable LocalDate revised) {
    public static final ResourceDates NONE = new ResourceDates(null, null, null);

    /** The most recent of the three, or null. */
    public @Nullable LocalDate latest() {
        LocalDate latest = created;
        for (LocalDate date : new LocalDate[] {published, revised}) {
            if (date != null && (latest == null || date.isAfter(latest))) {
                latest = date;
            }
        }
        return latest;
    }
}
