package fr.mel.opale.search;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A period a record's temporal extent must intersect (OGC API – Records' {@code datetime}). Either end may be open
 * (null). Records without a temporal extent never match a period; an extent open at one end reaches to the
 * beginning or the end of time.
 */
public record SearchPeriod(@Nullable LocalDate start, @Nullable LocalDate end) {
    public SearchPeriod {
        if (start != null && end != null && start.isAfter(end)) {
            throw new IllegalArgumentException("Début de période après sa fin : " + start + " > " + end);
        }
    }
}
