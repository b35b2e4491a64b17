package fr.mel.opale.ingest.internal;

import fr.mel.opale.ingest.Analysis;
import fr.mel.opale.ingest.InvalidReadOptions;
import fr.mel.opale.ingest.Limits;
import fr.mel.opale.ingest.ReadListener;
import fr.mel.opale.ingest.ReadOptions;
import fr.mel.opale.ingest.ReadPlan;
import fr.mel.opale.ingest.RowStream;
import fr.mel.opale.ingest.SourceFile;
import fr.mel.opale.ingest.SourceSettings;
import fr.mel.opale.ingest.TableReader;
import fr.mel.opale.ingest.UnreadableFile;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.BuiltinFormats;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.jspecify.annotations.Nullable;

/**
 * XLSX workbooks, one sheet at a time (the first unless the producer chooses), pulled row by row from the sheet's
 * XML with StAX — the whole sheet is never in memory; shared strings are. Cells become the text a CSV would hold
 * (numbers in plain dot notation, date-formatted numbers as ISO dates, booleans as true/false), so types, header
 * and geometry are found exactly as for CSV. The archive is checked by {@link SafeZip} before POI opens it.
 */
public final class XlsxReader implements TableReader {
    @Override
    public String format() {
        return "xlsx";
    }

    @Override
    public boolean accepts(byte[] head, SourceFile file) {
        if (!FileSniffer.isZip(head)) {
            return false;
        }
        try (SafeZip zip = new SafeZip(file.path(), file.name(), Limits.DEFAULT)) {
            return zip.entries().stream().anyMatch(e -> e.getName().equals("xl/workbook.xml"));
        } catch (UnreadableFile e) {
            return file.extension().equals("xlsx");
        }
    }

    @Override
    public Analysis analyse(SourceFile file, ReadOptions options, ReadListener listener) {
        Limits limits = options.limits();
        WarningLog log = new WarningLog(limits.maxWarningsPerCode());
        try (Workbook book = new Workbook(file, limits)) {
            String sheet = book.choose(options.layer());
            List<ColumnStats> stats = new ArrayList<>();
            String[] first;
            long rows = 0;
            boolean header;
            try (Sheet records = book.sheet(sheet, log)) {
                first = records.first(false);
                if (first == null) {
                    throw new UnreadableFile("empty-file", "La feuille « " + sheet + " » de « " + file.name()
                            + " » est vide.");
                }
                if (first.length > limits.maxColumns()) {
                    throw new UnreadableFile("too-many-columns", "La feuille a " + first.length + " colonnes, plus "
                            + "que les " + limits.maxColumns() + " acceptées.");
                }
                for (int i = 0; i < first.length; i++) {
                    stats.add(new ColumnStats(null, false));
                }
                while (records.next()) {
                    rows++;
                    for (int i = 0; i < first.length; i++) {
                        stats.get(i).observe(records.cell(i), records.line());
                    }
                    if (rows % CsvReader.CHECK_EVERY == 0) {
                        CsvReader.checkpoint(listener, rows);
                    }
                }
                header = options.header() != null ? options.header() : isHeader(first, stats);
                if (!header) {
                    for (int i = 0; i < first.length; i++) {
                        stats.get(i).observe(first[i], records.firstLine);
                    }
                    rows++;
                }
            }
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < first.length; i++) {
                String label = header && first[i] != null ? first[i].strip() : "";
                labels.add(label.isEmpty() ? "Colonne " + (i + 1) : label);
            }
            SourceSettings settings = new SourceSettings(format(), null, null, null, header, null, sheet,
                    book.sheets, null);
            listener.progress(rows);
            return AnalysisBuilder.build(settings, labels, stats, null, log, rows, options);
        } catch (IOException e) {
            throw new UnreadableFile("xlsx-invalid", "Classeur XLSX illisible : " + e.getMessage(), e);
        }
    }

    private static boolean isHeader(String[] first, List<ColumnStats> stats) {
        for (int i = 0; i < first.length; i++) {
            if (first[i] != null && stats.get(i).fits(first[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public RowStream open(SourceFile file, ReadPlan plan, Limits limits, ReadListener listener) {
        WarningLog log = new WarningLog(limits.maxWarningsPerCode());
        Workbook book = new Workbook(file, limits);
        try {
            Sheet sheet = book.sheet(book.choose(plan.settings().layer()), log);
            sheet.first(!Boolean.TRUE.equals(plan.settings().header()));
            sheet.width = plan.columns().size();
            sheet.closeBook = book;
            return new PlannedRows(sheet, plan, log, listener);
        } catch (RuntimeException e) {
            book.close();
            throw e;
        }
    }

    /** An opened workbook: its sheets, shared strings and date styles. */
    private static final class Workbook implements AutoCloseable {
        private final SourceFile file;
        private final OPCPackage pkg;
        private final XSSFReader reader;
        private final ReadOnlySharedStringsTable strings;
        private final StylesTable styles;
        final List<String> sheets = new ArrayList<>();

        Workbook(SourceFile file, Limits limits) {
            this.file = file;
            try (SafeZip check = new SafeZip(file.path(), file.name(), limits)) {
                if (check.entries().stream().noneMatch(e -> e.getName().equals("xl/workbook.xml"))) {
                    throw new UnreadableFile("xlsx-invalid", "« " + file.name() + " » est une archive ZIP mais pas "
                            + "un classeur XLSX.");
                }
            }
            try {
                this.pkg = OPCPackage.open(file.path().toFile(), PackageAccess.READ);
            } catch (Exception e) {
                throw new UnreadableFile("xlsx-invalid", "Classeur XLSX illisible (« " + file.name() + " ») : "
                        + e.getMessage(), e);
            }
            try {
                this.reader = new XSSFReader(pkg);
                this.strings = new ReadOnlySharedStringsTable(pkg, false);
                this.styles = reader.getStylesTable();
                XSSFReader.SheetIterator it = reader.getSheetIterator();
                while (it.hasNext()) {
                    try (InputStream ignored = it.next()) {
                        sheets.add(it.getSheetName());
                    }
                }
            } catch (Exception e) {
                pkg.revert();
                if (e instanceof UnreadableFile u) {
                    throw u;
                }
                String why = String.valueOf(e.getMessage());
                throw new UnreadableFile(why.contains("Zip bomb") ? "zip-bomb" : "xlsx-invalid",
                        "Classeur XLSX illisible (« " + file.name() + " ») : " + why, e);
            }
        }

        String choose(@Nullable String wanted) {
            if (sheets.isEmpty()) {
                throw new UnreadableFile("xlsx-invalid", "Le classeur « " + file.name() + " » n'a aucune feuille.");
            }
            if (wanted == null) {
                return sheets.get(0);
            }
            if (!sheets.contains(wanted)) {
                throw new InvalidReadOptions("unknown-layer", "Feuille « " + wanted + " » absente ; feuilles : "
                        + String.join(", ", sheets) + ".");
            }
            return wanted;
        }

        Sheet sheet(String name, WarningLog log) {
            try {
                XSSFReader.SheetIterator it = reader.getSheetIterator();
                while (it.hasNext()) {
                    InputStream data = it.next();
                    if (it.getSheetName().equals(name)) {
                        return new Sheet(data, this, log);
                    }
                    data.close();
                }
            } catch (Exception e) {
                throw new UnreadableFile("xlsx-invalid", "Feuille « " + name + " » illisible : " + e.getMessage(), e);
            }
            throw new InvalidReadOptions("unknown-layer", "Feuille « " + name + " » absente.");
        }

        boolean isDate(int style) {
            if (style < 0 || style >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle xf = styles.getStyleAt(style);
            int id = xf.getDataFormat();
            String format = xf.getDataFormatString();
            if (format == null) {
                format = BuiltinFormats.getBuiltinFormat(id);
            }
            return DateUtil.isADateFormat(id, format);
        }

        @Override
        public void close() {
            pkg.revert(); // read-only: nothing to save
        }
    }

    /** The rows of one sheet, as text cells, pulled from its XML. */
    private static final class Sheet implements RecordSource {
        private static final XMLInputFactory XML = secureFactory();

        private final InputStream data;
        private final XMLStreamReader xml;
        private final Workbook book;
        private final WarningLog log;
        private String @Nullable [] firstRecord;
        private boolean replayFirst;
        long firstLine;
        int width = -1;
        private String[] current = new String[0];
        private long line;
        @Nullable Workbook closeBook;

        Sheet(InputStream data, Workbook book, WarningLog log) throws XMLStreamException {
            this.data = data;
            this.book = book;
            this.log = log;
            this.xml = XML.createXMLStreamReader(data);
        }

        private static XMLInputFactory secureFactory() {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            return factory;
        }

        String @Nullable [] first(boolean replay) {
            String[] row = readRow();
            if (row == null) {
                return null;
            }
            firstRecord = row;
            firstLine = line;
            width = row.length;
            replayFirst = replay;
            return row;
        }

        @Override
        public boolean next() {
            if (replayFirst && firstRecord != null) {
                replayFirst = false;
                current = Arrays.copyOf(firstRecord, width);
                line = firstLine;
                return true;
            }
            String[] row = readRow();
            if (row == null) {
                return false;
            }
            if (row.length > width) {
                boolean extra = false;
                for (int i = width; i < row.length && !extra; i++) {
                    extra = row[i] != null && !row[i].isBlank();
                }
                if (extra) {
                    log.add("ragged-row", "Ligne " + line + " de la feuille : des cellules au-delà des " + width
                            + " colonnes de l'en-tête, ignorées.", line, null);
                }
            }
            current = Arrays.copyOf(row, width);
            return true;
        }

        /** The next row with at least one non-empty cell, trimmed of trailing empty cells; null at the end. */
        private String @Nullable [] readRow() {
            try {
                while (xml.hasNext()) {
                    int event = xml.next();
                    if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                        String r = xml.getAttributeValue(null, "r");
                        line = r != null ? Long.parseLong(r) : line + 1;
                        String[] cells = cells();
                        int last = cells.length - 1;
                        while (last >= 0 && (cells[last] == null || cells[last].isEmpty())) {
                            last--;
                        }
                        if (last >= 0) {
                            return Arrays.copyOf(cells, last + 1);
                        }
                    }
                }
                return null;
            } catch (XMLStreamException e) {
                throw new UnreadableFile("xlsx-invalid", "Feuille XLSX illisible : " + e.getMessage(), e);
            }
        }

        private String[] cells() throws XMLStreamException {
            List<String> cells = new ArrayList<>();
            int column = -1;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                    break;
                }
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                    String ref = xml.getAttributeValue(null, "r");
                    column = ref != null ? columnIndex(ref) : column + 1;
                    if (column > 16_384) {
                        throw new UnreadableFile("xlsx-invalid", "Référence de cellule invalide : " + ref);
                    }
                    String type = xml.getAttributeValue(null, "t");
                    String style = xml.getAttributeValue(null, "s");
                    String value = cell(type, style == null ? -1 : Integer.parseInt(style));
                    while (cells.size() <= column) {
                        cells.add(null);
                    }
                    cells.set(column, value);
                }
            }
            return cells.toArray(new String[0]);
        }

        /** Reads a {@code <c>} element to its end and returns its text form. */
        private @Nullable String cell(@Nullable String type, int style) throws XMLStreamException {
            StringBuilder value = new StringBuilder();
            boolean collect = false;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    collect = name.equals("v") || name.equals("t");
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                    if (collect) {
                        value.append(xml.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (xml.getLocalName().equals("c")) {
                        break;
                    }
                    collect = false;
                }
            }
            String v = value.toString();
            if (v.isEmpty()) {
                return null;
            }
            String t = type == null ? "n" : type;
            switch (t) {
                case "s":
                    return book.strings.getItemAt(Integer.parseInt(v.strip())).getString();
                case "b":
                    return v.strip().equals("1") ? "true" : "false";
                case "e":
                    return null;
                case "n":
                    try {
                        double number = Double.parseDouble(v);
                        if (book.isDate(style) && DateUtil.isValidExcelDate(number)) {
                            LocalDateTime when = DateUtil.getLocalDateTime(number);
                            return number == Math.floor(number) ? when.toLocalDate().toString() : when.toString();
                        }
                        return new BigDecimal(v.strip()).stripTrailingZeros().toPlainString();
                    } catch (NumberFormatException e) {
                        return v;
                    }
                default:
                    return v; // str, inlineStr, d (ISO date)
            }
        }

        static int columnIndex(String ref) {
            int index = 0;
            for (int i = 0; i < ref.length(); i++) {
                char c = Character.toUpperCase(ref.charAt(i));
                if (c < 'A' || c > 'Z') {
                    break;
                }
                index = index * 26 + (c - 'A' + 1);
            }
            return index - 1;
        }

        @Override
        public @Nullable Object cell(int source) {
            return source < current.length ? current[source] : null;
        }

        @Override
        public long line() {
            return line;
        }

        @Override
        public void close() throws IOException {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // closing only
            }
            data.close();
            if (closeBook != null) {
                closeBook.close();
            }
        }
    }
}
