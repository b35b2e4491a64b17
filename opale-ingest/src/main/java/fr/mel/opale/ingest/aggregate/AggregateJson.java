package fr.mel.opale.ingest.aggregate;

import fr.mel.opale.data.AggregateResult;
import fr.mel.opale.data.Column;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An aggregate's answer as the API writes it: JSON (numbers as exact JSON numbers, dates ISO 8601) or CSV (RFC 4180,
 * one line per group, the folded others last, headed by the columns' titles).
 */
public final class AggregateJson {
    private AggregateJson() {
    }

    public static Map<String, Object> json(String datasetId, String collectionId, AggregateResult result,
                                           @Nullable String filter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("datasetId", datasetId);
        body.put("collectionId", collectionId);
        body.put("version", result.version());
        Map<String, Object> groupBy = column(result.groupBy());
        groupBy.put("period", result.query().period() == null ? null : result.query().period().code());
        body.put("groupBy", groupBy);
        Map<String, Object> measure = new LinkedHashMap<>();
        measure.put("function", result.query().measure().code());
        measure.put("label", result.query().measure().label());
        measure.put("column", result.measured() == null ? null : column(result.measured()));
        body.put("measure", measure);
        body.put("filter", filter);
        body.put("limit", result.query().limit());
        body.put("rows", result.rows());
        body.put("groupCount", result.groupCount());
        List<Map<String, Object>> groups = new ArrayList<>();
        for (AggregateResult.Group group : result.groups()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("key", key(group.key()));
            entry.put("value", group.value());
            entry.put("rows", group.rows());
            groups.add(entry);
        }
        body.put("groups", groups);
        if (result.others() == null) {
            body.put("others", null);
        } else {
            Map<String, Object> others = new LinkedHashMap<>();
            others.put("groups", result.others().groups());
            others.put("value", result.others().value());
            others.put("rows", result.others().rows());
            body.put("others", others);
        }
        return body;
    }

    /**
     * CSV: header {@code <group title>,<measure>,lignes}; an empty key for the rows without value and
     * {@code Autres (n groupes)} for the folded groups.
     */
    public static String csv(AggregateResult result) {
        StringBuilder csv = new StringBuilder();
        String measure = result.measured() == null ? "Nombre de lignes"
                : capitalised(result.query().measure().label()) + " de " + result.measured().title();
        line(csv, result.groupBy().title(), measure, "Lignes");
        for (AggregateResult.Group group : result.groups()) {
            Object key = key(group.key());
            line(csv, key == null ? "" : key.toString(), text(group.value()), Long.toString(group.rows()));
        }
        if (result.others() != null) {
            line(csv, "Autres (" + result.others().groups() + " groupes)", text(result.others().value()),
                    Long.toString(result.others().rows()));
        }
        return csv.toString();
    }

    private static Map<String, Object> column(Column column) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", column.name());
        body.put("title", column.title());
        body.put("type", column.type().name());
        return body;
    }

    /** Dates as ISO 8601 text; numbers, booleans and texts as they are. */
    private static @Nullable Object key(@Nullable Object key) {
        if (key instanceof LocalDate || key instanceof OffsetDateTime) {
            return key.toString();
        }
        return key;
    }

    private static String text(@Nullable Object value) {
        return value instanceof java.math.BigDecimal decimal ? decimal.toPlainString() : value == null ? "" : value.toString();
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static void line(StringBuilder csv, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells[i];
            boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0;
            csv.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        csv.append("\r\n");
    }
}
