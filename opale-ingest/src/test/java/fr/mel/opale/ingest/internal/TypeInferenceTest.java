package fr.mel.opale.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.ingest.ColumnType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Types inferred over every value of a column; a late misfit demotes instead of failing. */
class TypeInferenceTest {
    private static ColumnStats column(String... values) {
        ColumnStats stats = new ColumnStats(null, false);
        long line = 2;
        for (String v : values) {
            stats.observe(v, line++);
        }
        return stats;
    }

    @Test
    void integersDecimalsAndTheirSeparators() {
        assertThat(column("1", "-22", "1 234", "1\u202F234\u202F567").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(column("1", "2.5", "1e3").type()).isEqualTo(ColumnType.DECIMAL);
        ColumnStats comma = column("2,236558914", "48,8915863", "1 234,5");
        assertThat(comma.type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(comma.decimalMark()).isEqualTo(',');
        assertThat(comma.max()).isEqualTo(1234.5);
        assertThat(column("1,234.5", "12").decimalMark()).isEqualTo('.');
        assertThat(column("1.234,5").decimalMark()).isEqualTo(',');
    }

    @Test
    void codesWithLeadingZerosAndPhoneNumbersStayText() {
        assertThat(column("01", "02").type()).isEqualTo(ColumnType.TEXT);
        assertThat(column("05 61 00 27 47").type()).isEqualTo(ColumnType.TEXT);
        assertThat(column("0", "0.5").type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(column("1234567890123456789").type()).isEqualTo(ColumnType.TEXT); // beyond a long
    }

    @Test
    void booleans() {
        assertThat(column("oui", "NON", "Oui").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(column("true", "false").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(column("0", "1", "1").type()).isEqualTo(ColumnType.BOOLEAN);
        assertThat(column("1", "1").type()).isEqualTo(ColumnType.INTEGER); // 0/1 only when both appear
        assertThat(column("0", "1", "2").type()).isEqualTo(ColumnType.INTEGER);
        assertThat(column("OUI", "NON", "NSP").type()).isEqualTo(ColumnType.TEXT); // "ne sait pas" is no boolean
    }

    @Test
    void nullMarkersAndBooleanWordsWhateverTheirCase() {
        for (String marker : List.of("N/A", "n/a", "NULL", "Null", "N.D.", "#N/A", "NaN", "-", "NR")) {
            assertThat(CellText.isNullMarker(marker)).as(marker).isTrue();
        }
        for (String value : List.of("NA1", "nul", "n/a/", "Lille", "null!")) {
            assertThat(CellText.isNullMarker(value)).as(value).isFalse();
        }
        assertThat(CellText.parseBoolean("VRAI")).isTrue();
        assertThat(CellText.parseBoolean("Faux")).isFalse();
        assertThat(CellText.parseBoolean("fals")).isNull();
        assertThat(CellText.parseBoolean("non merci")).isNull();
        assertThat(CellText.parseBoolean("\u0000oui")).isNull();
        assertThat(CellText.parseBoolean("ouï")).isNull();
        ColumnStats withMarkers = column("12", "N/A", "NULL", "7");
        assertThat(withMarkers.type()).isEqualTo(ColumnType.INTEGER);
    }

    @Test
    void datesAndTimestamps() {
        ColumnStats french = column("15/04/2008", "1/2/2010");
        assertThat(french.type()).isEqualTo(ColumnType.DATE);
        assertThat(french.dateFormat()).isEqualTo("dd/MM/yyyy");
        assertThat(column("2014-04-28", "2014/04/28").type()).isEqualTo(ColumnType.DATE);
        assertThat(column("2022-11-29T10:47:16.181Z", "2022-11-29 10:47").type()).isEqualTo(ColumnType.TIMESTAMP);
        assertThat(column("2022-11-29", "2022-11-29T10:47:16+01:00").type()).isEqualTo(ColumnType.TIMESTAMP);
        assertThat(column("31/02/2020").type()).isEqualTo(ColumnType.TEXT);
        assertThat(CellText.parseTemporal("15/04/2008")).isEqualTo(LocalDate.of(2008, 4, 15));
        assertThat(CellText.parseTemporal("2022-11-29T10:47:16.181Z"))
                .isEqualTo(OffsetDateTime.parse("2022-11-29T10:47:16.181Z"));
        assertThat(CellText.parseTemporal("2022-07-01 12:00")).isEqualTo(OffsetDateTime.parse("2022-07-01T12:00+02:00"));
    }

    @Test
    void nullMarkersDoNotDemoteButStayValuesOfTextColumns() {
        ColumnStats numbers = column("1", "N/A", "", "nd", "-", "NULL", "3");
        assertThat(numbers.type()).isEqualTo(ColumnType.INTEGER);
        assertThat(numbers.nulls()).isEqualTo(5);
        ColumnStats text = column("a", "N/A", "");
        assertThat(text.type()).isEqualTo(ColumnType.TEXT);
        assertThat(text.nulls()).isEqualTo(1);
    }

    @Test
    void aLateMisfitDemotesAndNamesTheFirstOffendingRowAndValue() {
        String[] values = new String[10_001];
        java.util.Arrays.fill(values, "42");
        values[10_000] = "150-200";
        ColumnStats stats = column(values);
        assertThat(stats.type()).isEqualTo(ColumnType.TEXT);
        assertThat(stats.demotedValue()).isEqualTo("150-200");
        assertThat(stats.demotedLine()).isEqualTo(10_002);
        assertThat(stats.demotedFrom()).isEqualTo(ColumnType.INTEGER);
        assertThat(stats.conformingBeforeDemotion()).isEqualTo(10_000);
        // Widening is no demotion: integers then decimals, dates then timestamps.
        assertThat(column("1", "2.5").demotedValue()).isNull();
    }

    @Test
    void distinctCountsAreExactThenEstimated() {
        ColumnStats few = column("a", "b", "a");
        assertThat(few.distinct().count()).isEqualTo(2);
        assertThat(few.distinct().isExact()).isTrue();
        assertThat(few.distinct().samples()).containsExactly("a", "b");
        ColumnStats many = new ColumnStats(null, false);
        for (int i = 0; i < 100_000; i++) {
            many.observe("v" + (i % 50_000), i);
        }
        assertThat(many.distinct().isExact()).isFalse();
        assertThat(many.distinct().count()).isBetween(47_000L, 53_000L);
    }

    @Test
    void typedCellsKeepTheirType() {
        ColumnStats json = new ColumnStats(null, true);
        json.observe("01", 1);
        json.observe("2014-04-28", 2);
        assertThat(json.type()).isEqualTo(ColumnType.TEXT); // a JSON string stays text unless all are dates
        ColumnStats dates = new ColumnStats(null, true);
        dates.observe("2014-04-28", 1);
        assertThat(dates.type()).isEqualTo(ColumnType.DATE);
        ColumnStats numbers = new ColumnStats(null, true);
        numbers.observe(3L, 1);
        numbers.observe(2.5, 2);
        assertThat(numbers.type()).isEqualTo(ColumnType.DECIMAL);
        assertThat(List.of(numbers.min(), numbers.max())).containsExactly(2.5, 3.0);
    }
}
