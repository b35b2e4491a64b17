package fr.mel.opale.ingest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The {@link TableReaderContract} on a sample of this format. */
class XlsxReaderContractTest extends TableReaderContract {
    @Override
    SourceFile sample(Path dir) throws IOException {
        Path file = dir.resolve("arceaux.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = book.createSheet("Feuil1");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("nom");
            header.createCell(1).setCellValue("places");
            for (int r = 1; r <= 3; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("Arceau " + r);
                row.createCell(1).setCellValue(r);
            }
            book.write(out);
        }
        return SourceFile.of(file);
    }

    @Override
    String format() {
        return "xlsx";
    }
}
