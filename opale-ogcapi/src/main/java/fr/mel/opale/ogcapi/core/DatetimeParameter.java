package fr.mel.opale.ogcapi.core;

import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.data.filter.Operand;
import fr.mel.opale.ogcapi.OgcApiProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code datetime}: an instant ({@code 2024-03-01} or {@code 2024-03-01T10:00:00Z}) or an interval
 * ({@code start/end}, either end {@code ..} or empty for open), matched against the collection's temporal property
 * (first date or timestamp column unless configured) with CQL2's {@code T_INTERSECTS}: it really filters. A collection
 * without a temporal property answers 400 rather than ignoring the filter. Records reads its {@code datetime} with
 * {@link #parse}.
 */
public final class DatetimeParameter implements ItemsParameter {
    private static final String NAME = "datetime";
    private static final ZoneId LOCAL = ZoneId.of("Europe/Paris");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void apply(String raw, ItemsRequest request) {
        String property = request.collection().temporalProperty();
        if (property == null) {
            throw OgcApiProblem.badParameter(name(), "la collection « " + request.collection().id()
                    + " » n'a pas de propriété de date ou d'horodatage.");
        }
        Operand.Interval period = parse(raw);
        Operand operand = period.start() != null && period.start().equals(period.end())
                ? new Operand.Literal(period.start()) : period;
        request.addFilter(new Filter.Temporal(Filter.TemporalOperator.INTERSECTS, new Operand.Property(property), operand));
    }

    /**
     * A {@code datetime} value as an interval whose bounds are {@link LocalDate}s, {@link Instant}s or null (open);
     * an instant is the interval from itself to itself.
     *
     * @throws OgcApiProblem 400 naming {@code datetime}: neither a date nor an RFC 3339 timestamp, an open instant,
     *                       a start after the end
     */
    public static Operand.Interval parse(String raw) {
        // An unencoded '+' of a time-zone offset arrives as a space.
        String value = raw.strip().replace(' ', '+');
        int slash = value.indexOf('/');
        if (slash < 0) {
            Object instant = instant(value);
            if (instant == null) {
                throw OgcApiProblem.badParameter(NAME, "un instant ne peut pas être ouvert (« .. »).");
            }
            return new Operand.Interval(instant, instant);
        }
        Object start = instant(value.substring(0, slash));
        Object end = instant(value.substring(slash + 1));
        if (start != null && end != null && asInstant(start).isAfter(asInstant(end))) {
            throw OgcApiProblem.badParameter(NAME, "le début de l'intervalle est après sa fin.");
        }
        return new Operand.Interval(start, end);
    }

    /** A date, an instant, or null for an open end. */
    private static @Nullable Object instant(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.equals("..")) {
            return null;
        }
        try {
            if (t.length() <= 10) {
                return LocalDate.parse(t);
            }
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw OgcApiProblem.badParameter(NAME, "« " + Abbreviation.of(t) + " » n'est ni une date (AAAA-MM-JJ) "
                    + "ni un horodatage RFC 3339 (AAAA-MM-JJThh:mm:ssZ).");
        }
    }

    /** A bound as an instant: a date stands for its first instant in Europe/Paris. */
    private static Instant asInstant(Object value) {
        return value instanceof LocalDate date ? date.atStartOfDay(LOCAL).toInstant() : (Instant) value;
    }

    @Override
    public Map<String, Object> openApi(OgcCollection collection) {
        return ItemsParameter.describe(name(), "Instant ou intervalle (début/fin, « .. » pour ouvert) filtrant sur "
                        + (collection.temporalProperty() == null ? "la propriété temporelle (aucune ici)"
                        : "la propriété « " + collection.temporalProperty() + " »") + ".",
                Map.of("type", "string"));
    }
}
