package fr.mel.opale.ogcapi.download;

import fr.mel.opale.data.Column;
import fr.mel.opale.data.Feature;
import fr.mel.opale.ogcapi.OgcApiProblem;
import fr.mel.opale.ogcapi.crs.SupportedCrs;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.locationtech.jts.io.WKTWriter;

/**
 * Writes features as an XLSX workbook with POI's streaming SXSSF: only a window of 100 rows stays in memory, the
 * others are flushed to a compressed temporary file, and the workbook is zipped to the response at the end (so the
 * answer starts once every row is read; memory stays constant). Cells are typed: numbers (a decimal of more than
 * 15 significant digits, which Excel would round, is a text cell with every digit), booleans, dates
 * (dd/mm/yyyy) and timestamps (dd/mm/yyyy hh:mm:ss, Europe/Paris: Excel has no time zones); a geometry is its WKT,
 * left empty beyond Excel's 32 767 characters per cell. The header row has the column names, then {@code geom}.
 */
final class XlsxFeatureWriter implements FeatureWriter {
    /** Excel's limit is 1 048 576 rows, the header included. */
    static final long MAX_ROWS = 1_048_575;
    private static final int MAX_CELL = 32_767;
    /** Above 2^53 a double (Excel's only number) is no longer exact: such integers are written as text. */
    private static final long EXACT = 1L << 53;
    /** Significant digits Excel keeps of a number. */
    private static final int EXCEL_DIGITS = 15;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
    private final Sheet sheet;
    private final CellStyle date;
    private final CellStyle timestamp;
    private final List<Column> columns;
    private final boolean geometry;
    private final SupportedCrs crs;
    private final WKTWriter wkt = new WKTWriter(2);
    private final DownloadTarget target;
    private int next;

    /**
     * A workbook for the selection.
     *
     * @throws OgcApiProblem 400 beyond Excel's {@link #MAX_ROWS} rows (pointing to CSV), before anything is written
     */
    static XlsxFeatureWriter open(DownloadSelection selection, DownloadTarget target) {
        if (selection.count() > MAX_ROWS) {
            throw OgcApiProblem.badParameter(DownloadController.FORMAT, "un classeur XLSX contient au plus "
                    + MAX_ROWS + " lignes ; filtrez la sélection ou téléchargez-la en CSV.");
        }
        return new XlsxFeatureWriter(selection.id(), selection.columns(), selection.geographic(), selection.crs(),
                target);
    }

    private XlsxFeatureWriter(String sheetName, List<Column> columns, boolean geometry, SupportedCrs crs,
                              DownloadTarget target) {
        this.target = target;
        workbook.setCompressTempFiles(true);
        this.sheet = workbook.createSheet(sheetName.length() > 31 ? sheetName.substring(0, 31) : sheetName);
        this.columns = columns;
        this.geometry = geometry;
        this.crs = crs;
        short dateFormat = workbook.createDataFormat().getFormat("dd/mm/yyyy");
        short timestampFormat = workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm:ss");
        date = workbook.createCellStyle();
        date.setDataFormat(dateFormat);
        timestamp = workbook.createCellStyle();
        timestamp.setDataFormat(timestampFormat);
        CellStyle bold = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setBold(true);
        bold.setFont(font);
        Row header = sheet.createRow(next++);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i).name());
            cell.setCellStyle(bold);
        }
        if (geometry) {
            Cell cell = header.createCell(columns.size());
            cell.setCellValue("geom");
            cell.setCellStyle(bold);
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void write(Feature feature) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < columns.size(); i++) {
            Object value = feature.properties().get(columns.get(i).name());
            if (value != null) {
                set(row.createCell(i), value);
            }
        }
        if (geometry && feature.geometry() != null) {
            String text = wkt.write(crs.fromStorage(feature.geometry()));
            if (text.length() <= MAX_CELL) {
                row.createCell(columns.size()).setCellValue(text);
            }
        }
    }

    private void set(Cell cell, Object value) {
        if (value instanceof Long number && Math.abs(number) <= EXACT) {
            cell.setCellValue(number);
        } else if (value instanceof BigDecimal number && isExcelExact(number)) {
            cell.setCellValue(number.doubleValue());
        } else if (value instanceof Boolean bool) {
            cell.setCellValue(bool);
        } else if (value instanceof LocalDate day) {
            cell.setCellValue(day);
            cell.setCellStyle(date);
        } else if (value instanceof OffsetDateTime instant) {
            cell.setCellValue(instant.atZoneSameInstant(PARIS).toLocalDateTime());
            cell.setCellStyle(timestamp);
        } else {
            String text = value.toString();
            cell.setCellValue(text.length() <= MAX_CELL ? text : text.substring(0, MAX_CELL));
        }
    }

    /**
     * Whether a decimal survives as an Excel number: Excel keeps 15 significant digits of a double (and its range
     * is 1E-307 to 9.99…E+307), and a decimal of at most 15 significant digits is what the double nearest it shows
     * with 15 digits. Longer ones (12345678901234.56789) would be rounded: they are written as text, every digit.
     */
    static boolean isExcelExact(BigDecimal number) {
        if (number.signum() == 0) {
            return true;
        }
        int exponent = number.precision() - number.scale() - 1; // of the first significant digit
        return number.precision() <= EXCEL_DIGITS && exponent >= -307 && exponent <= 307;
    }

    /** Zips the workbook to the target: the answer starts now, every row read. */
    @Override
    public void finish() throws IOException {
        workbook.write(target.open(-1));
    }

    /** Deletes the temporary files, whether the workbook was written or not. */
    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
