package fr.mel.opale.ogcapi.download;

import fr.mel.opale.data.Column;
import fr.mel.opale.data.Feature;
import fr.mel.opale.ogcapi.crs.SupportedCrs;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.io.WKTWriter;

/**
 * Writes features as CSV (RFC 4180: CRLF, fields quoted when they hold the delimiter, a quote or a line break), one
 * line at a time on the response's writer, so a download of any size keeps constant memory.
 *
 * <p>Two dialects. {@code csv}: {@code ,}, values as the JSON API gives them (decimal point, ISO 8601 dates and
 * timestamps, {@code true}/{@code false}) — for programs. {@code csv-excel}: what a French Excel opens by a double
 * click without the import wizard — a UTF-8 BOM (otherwise Excel reads the file as Windows-1252 and breaks the accents),
 * {@code ;} (the list separator of French Windows), decimal comma, dates dd/mm/yyyy and timestamps dd/mm/yyyy HH:mm:ss
 * in Europe/Paris (Excel has no time zones), booleans VRAI/FAUX; and a text starting with {@code = + - @} or a tab is
 * prefixed with {@code '} so that Excel never evaluates a cell of the data as a formula (CSV injection).
 *
 * <p>Header: the column names (the queryables' names, as {@code properties=} and filters spell them), then
 * {@code geom} for a geographic collection: the geometry as WKT in the requested CRS ({@code geom} is reserved, so
 * never a column's name).
 */
final class CsvFeatureWriter implements FeatureWriter {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FR_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter FR_TIMESTAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");
    private final Writer out;
    private final List<Column> columns;
    private final boolean geometry;
    private final SupportedCrs crs;
    private final boolean excel;
    private final char delimiter;
    private final WKTWriter wkt = new WKTWriter(2);

    /** Opens the target at once and writes the header line: CSV streams, nothing is refused. */
    CsvFeatureWriter(DownloadSelection selection, DownloadTarget target, boolean excel) throws IOException {
        this(new BufferedWriter(new OutputStreamWriter(target.open(-1), StandardCharsets.UTF_8), 64 * 1024),
                selection.columns(), selection.geographic(), selection.crs(), excel);
        header();
    }

    CsvFeatureWriter(Writer out, List<Column> columns, boolean geometry, SupportedCrs crs, boolean excel) {
        this.out = out;
        this.columns = columns;
        this.geometry = geometry;
        this.crs = crs;
        this.excel = excel;
        this.delimiter = excel ? ';' : ',';
    }

    void header() throws IOException {
        if (excel) {
            out.write('\uFEFF');
        }
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            field(columns.get(i).name());
        }
        if (geometry) {
            if (!columns.isEmpty()) {
                out.write(delimiter);
            }
            field("geom");
        }
        out.write("\r\n");
    }

    @Override
    public void write(Feature feature) throws IOException {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.write(delimiter);
            }
            Object value = feature.properties().get(columns.get(i).name());
            if (value != null) {
                field(excel ? excelText(value) : text(value));
            }
        }
        if (geometry) {
            if (!columns.isEmpty()) {
                out.write(delimiter);
            }
            if (feature.geometry() != null) {
                field(wkt.write(crs.fromStorage(feature.geometry())));
            }
        }
        out.write("\r\n");
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    private static String text(Object value) {
        return value instanceof BigDecimal number ? number.toPlainString() : value.toString();
    }

    private static String excelText(Object value) {
        if (value instanceof BigDecimal number) {
            return number.toPlainString().replace('.', ',');
        } else if (value instanceof Boolean bool) {
            return bool ? "VRAI" : "FAUX";
        } else if (value instanceof LocalDate date) {
            return FR_DATE.format(date);
        } else if (value instanceof OffsetDateTime timestamp) {
            return FR_TIMESTAMP.format(timestamp.atZoneSameInstant(PARIS));
        } else if (value instanceof String string && !string.isEmpty()
                && "=+-@\t\r".indexOf(string.charAt(0)) >= 0) {
            return "'" + string;
        }
        return value.toString();
    }

    private void field(@Nullable String value) throws IOException {
        if (value == null) {
            return;
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == delimiter || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }
}
