package fr.mel.opale.ogcapi.download;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.Feature;
import fr.mel.opale.ogcapi.crs.SupportedCrs;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two CSV dialects on values the contract's generated collections do not have (formulas, separators, summer time). */
class CsvFeatureWriterTest {
    private static final List<Column> COLUMNS = List.of(Column.of("texte", ColumnType.TEXT),
            Column.of("montant", ColumnType.DECIMAL), Column.of("jour", ColumnType.DATE),
            Column.of("instant", ColumnType.TIMESTAMP));

    private static String write(boolean excel, Object... values) throws Exception {
        StringWriter out = new StringWriter();
        CsvFeatureWriter writer = new CsvFeatureWriter(out, COLUMNS, false, SupportedCrs.CRS84, excel);
        writer.header();
        Map<String, Object> properties = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            properties.put(COLUMNS.get(i).name(), values[i]);
        }
        writer.write(new Feature(1, properties, null));
        return out.toString().split("\r\n", 2)[1];
    }

    @Test
    void excelNeverReceivesAFormulaFromTheData() throws Exception {
        for (String formula : List.of("=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)", "\tx")) {
            String line = write(true, formula, null, null, null);
            assertThat(line).as(formula).startsWith(formula.contains("\"") ? "\"'" : "'");
        }
        // Numbers are numbers: a negative amount is not text and keeps its sign.
        assertThat(write(true, "ok", new BigDecimal("-12.50"), null, null)).isEqualTo("ok;-12,50;;\r\n");
        // The program dialect writes data as it is.
        assertThat(write(false, "=1+1", new BigDecimal("-12.50"), null, null)).isEqualTo("=1+1,-12.50,,\r\n");
    }

    @Test
    void fieldsAreQuotedOnlyWhenTheyHoldTheDelimiterAQuoteOrALineBreak() throws Exception {
        assertThat(write(false, "a;b", null, null, null)).isEqualTo("a;b,,,\r\n");
        assertThat(write(true, "a;b", null, null, null)).isEqualTo("\"a;b\";;;\r\n");
        assertThat(write(true, "a,b", null, null, null)).isEqualTo("a,b;;;\r\n");
        assertThat(write(false, "a,b", null, null, null)).isEqualTo("\"a,b\",,,\r\n");
        assertThat(write(false, "ligne 1\nligne \"2\"", null, null, null))
                .isEqualTo("\"ligne 1\nligne \"\"2\"\"\",,,\r\n");
    }

    @Test
    void excelTimestampsAreParisWallClockTimeSummerAndWinter() throws Exception {
        OffsetDateTime summer = OffsetDateTime.of(2024, 7, 14, 10, 0, 0, 0, ZoneOffset.UTC);
        OffsetDateTime winter = OffsetDateTime.of(2024, 12, 31, 23, 30, 0, 0, ZoneOffset.UTC);
        assertThat(write(true, null, null, LocalDate.of(2024, 7, 14), summer))
                .isEqualTo(";;14/07/2024;14/07/2024 12:00:00\r\n");
        assertThat(write(true, null, null, null, winter)).isEqualTo(";;;01/01/2025 00:30:00\r\n");
        assertThat(write(false, null, null, LocalDate.of(2024, 7, 14), summer))
                .isEqualTo(",,2024-07-14,2024-07-14T10:00Z\r\n");
    }
}
