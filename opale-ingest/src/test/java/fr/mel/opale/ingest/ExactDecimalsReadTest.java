package fr.mel.opale.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decimal cells reach the row as the exact number the file wrote, from every reader and on both read paths (the
 * analysis then the read pass; the read-once speculative pass of large files): {@code 0,1} is 0.1, never the double
 * nearest it, and {@code 12345678901234,56789} keeps its 19 digits.
 */
class ExactDecimalsReadTest {
    private static final TableReaders READERS = TableReaders.standard();
    private static final List<BigDecimal> EXPECTED = List.of(new BigDecimal("0.1"), new BigDecimal("0.2"),
            new BigDecimal("12345678901234.56789"));

    @TempDir
    Path dir;

    @Test
    void frenchCsvWithDecimalCommas() throws IOException {
        assertCsvReadExactly("montants.csv", "nom;montant\nA;0,1\nB;0,2\nC;12345678901234,56789\n", ',');
    }

    @Test
    void dotDecimalCsv() throws IOException {
        assertCsvReadExactly("amounts.csv", "name,amount\nA,0.1\nB,0.2\nC,12345678901234.56789\n", '.');
    }

    private void assertCsvReadExactly(String name, String content, char decimalMark) throws IOException {
        Path file = Files.writeString(dir.resolve(name), content);
        Analysis analysis = READERS.analyse(SourceFile.of(file), ReadOptions.DEFAULT, ReadListener.NONE);
        assertThat(analysis.plan().columns().get(1).type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(analysis.plan().columns().get(1).decimalSeparator()).isEqualTo(decimalMark);
        assertThat(column(read(file, analysis.plan()), 1)).containsExactlyElementsOf(EXPECTED);
        assertThat(column(readOnce(file), 1)).containsExactlyElementsOf(EXPECTED);
    }

    @Test
    void geoJsonNumbersOfAnyPrecision() throws IOException {
        Path file = Files.writeString(dir.resolve("points.geojson"), """
                {"type":"FeatureCollection","features":[
                {"type":"Feature","properties":{"v":0.1,"fin":1e-7,"grand":123456789012345678901234.5},
                 "geometry":{"type":"Point","coordinates":[3.0573,50.6292]}},
                {"type":"Feature","properties":{"v":0.2,"fin":2.50,"grand":1},
                 "geometry":{"type":"Point","coordinates":[3.0574,50.6293]}},
                {"type":"Feature","properties":{"v":12345678901234.56789,"fin":1e999999999,"grand":2},
                 "geometry":{"type":"Point","coordinates":[3.0575,50.6294]}}]}
                """);
        Analysis analysis = READERS.analyse(SourceFile.of(file), ReadOptions.DEFAULT, ReadListener.NONE);
        assertThat(analysis.column("v").type()).isEqualTo(ColumnType.DECIMAL);
        List<Row> rows = read(file, analysis.plan());
        assertThat(column(rows, 0)).containsExactlyElementsOf(EXPECTED);
        assertThat(column(rows, 1)).containsExactly(new BigDecimal("0.0000001"), new BigDecimal("2.5"), null);
        assertThat(column(rows, 2)).containsExactly(new BigDecimal("123456789012345678901234.5"), BigDecimal.ONE,
                BigDecimal.valueOf(2));
        // The number of a billion digits is refused, not built; the coordinates stay what they were.
        assertThat(warnings(file, analysis.plan())).anyMatch(w -> w.code().equals("value-rejected")
                && w.message().contains("1E+999999999"));
        assertThat(rows.get(0).geometry().getCoordinate().x).isEqualTo(3.0573);
    }

    @Test
    void xlsxNumberCellsAndFrenchTextCells() throws IOException {
        Path file = dir.resolve("montants.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("Montants");
            sheet.createRow(0).createCell(0).setCellValue("nombre");
            sheet.getRow(0).createCell(1).setCellValue("texte");
            String[] texts = {"0,1", "0,2", "12345678901234,56789"};
            double[] numbers = {0.1, 0.2, 1234.5678}; // an Excel number cell holds a double: 15 digits at most
            for (int r = 0; r < 3; r++) {
                sheet.createRow(r + 1).createCell(0).setCellValue(numbers[r]);
                sheet.getRow(r + 1).createCell(1).setCellValue(texts[r]);
            }
            book.write(out);
        }
        Analysis analysis = READERS.analyse(SourceFile.of(file), ReadOptions.DEFAULT, ReadListener.NONE);
        assertThat(analysis.column("nombre").type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(analysis.column("texte").type()).isEqualTo(ColumnType.DECIMAL);
        List<Row> rows = read(file, analysis.plan());
        assertThat(column(rows, 0)).containsExactly(new BigDecimal("0.1"), new BigDecimal("0.2"),
                new BigDecimal("1234.5678"));
        assertThat(column(rows, 1)).containsExactlyElementsOf(EXPECTED);
    }

    private static List<Row> read(Path file, ReadPlan plan) {
        List<Row> rows = new ArrayList<>();
        try (RowStream stream = READERS.open(SourceFile.of(file), plan, Limits.DEFAULT, ReadListener.NONE)) {
            for (Row row = stream.next(); row != null; row = stream.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static List<ReadWarning> warnings(Path file, ReadPlan plan) {
        try (RowStream stream = READERS.open(SourceFile.of(file), plan, Limits.DEFAULT, ReadListener.NONE)) {
            while (stream.next() != null) {
                continue;
            }
            return stream.summary().warnings();
        }
    }

    /** The read-once path, its plan guessed from the first record and checked against the whole file. */
    private static List<Row> readOnce(Path file) {
        List<Row> rows = new ArrayList<>();
        try (SpeculativeRead read = READERS.speculate(SourceFile.of(file), ReadOptions.DEFAULT, Limits.DEFAULT, 1,
                ReadListener.NONE)) {
            assertThat(read).isNotNull();
            for (Row row = read.next(); row != null; row = read.next()) {
                rows.add(row);
            }
            assertThat(read.analysis().plan()).isEqualTo(read.guess());
        }
        return rows;
    }

    private static List<Object> column(List<Row> rows, int index) {
        return rows.stream().map(row -> row.values()[index]).toList();
    }
}
