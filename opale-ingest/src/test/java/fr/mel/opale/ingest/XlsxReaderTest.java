package fr.mel.opale.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxReaderTest {
    @TempDir
    Path dir;

    private Path workbook() throws IOException {
        Path file = dir.resolve("classeur.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet notes = book.createSheet("Notes");
            notes.createRow(0).createCell(0).setCellValue("rien ici");
            Sheet data = book.createSheet("Arceaux");
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row header = data.createRow(0);
            String[] labels = {"Nom", "Nb places", "Date de pose", "Latitude", "Longitude", "Couvert", "Code"};
            for (int i = 0; i < labels.length; i++) {
                header.createCell(i).setCellValue(labels[i]);
            }
            for (int r = 1; r <= 3; r++) {
                Row row = data.createRow(r);
                row.createCell(0).setCellValue("Arceau " + r);
                row.createCell(1).setCellValue(r * 4);
                row.createCell(2).setCellValue(LocalDate.of(2024, 3, r));
                row.getCell(2).setCellStyle(date);
                row.createCell(3).setCellValue(50.63 + r / 1000.0);
                row.createCell(4).setCellValue(3.06 + r / 1000.0);
                row.createCell(5).setCellValue(r % 2 == 0);
                row.createCell(6).setCellValue("0" + r);
            }
            book.write(out);
        }
        return file;
    }

    @Test
    void aChosenSheetIsTypedAndGeolocatedLikeACsv() throws IOException {
        Path file = workbook();
        TableReaders readers = TableReaders.standard();
        Analysis first = readers.analyse(SourceFile.of(file), ReadOptions.DEFAULT, ReadListener.NONE);
        assertThat(first.plan().settings().layers()).containsExactly("Notes", "Arceaux");
        assertThat(first.plan().settings().layer()).isEqualTo("Notes");
        Analysis a = readers.analyse(SourceFile.of(file), ReadOptions.DEFAULT.withLayer("Arceaux"),
                ReadListener.NONE);
        assertThat(a.plan().settings().format()).isEqualTo("xlsx");
        assertThat(a.rows()).isEqualTo(3);
        assertThat(a.column("nb_places").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(a.column("date_de_pose").type()).isEqualTo(ColumnType.DATE);
        assertThat(a.column("couvert").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(a.column("code").type()).isEqualTo(ColumnType.TEXT);
        assertThat(a.plan().geometry().kind()).isEqualTo(GeometrySource.XY);
        try (RowStream rows = readers.open(SourceFile.of(file), a.plan(), Limits.DEFAULT, ReadListener.NONE)) {
            fr.mel.opale.ingest.Row row = rows.next();
            assertThat(row.values()).containsExactly("Arceau 1", 4L, LocalDate.of(2024, 3, 1), new BigDecimal("50.631"),
                    new BigDecimal("3.061"), false,
                    "01");
            assertThat(row.geometry().getCoordinate().x).isEqualTo(3.061);
            assertThat(row.line()).isEqualTo(2);
        }
    }
}
