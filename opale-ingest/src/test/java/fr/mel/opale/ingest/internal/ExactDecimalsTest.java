package fr.mel.opale.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Decimal cells are read to the exact number their text says (never through a double), in canonical form, and
 * bounded. Checked against {@link BigDecimal}'s own parser, which is the reference for "the number the text says".
 */
class ExactDecimalsTest {
    /** Text, decimal mark, the exact number it says (or null: not a number in that style). */
    private static void assertReads(String[][] cases) {
        for (String[] c : cases) {
            assertThat(CellText.parseDecimal(c[0], c[1].charAt(0))).as(c[0])
                    .isEqualTo(c[2] == null ? null : new BigDecimal(c[2]));
        }
    }

    @Test
    void frenchAndDotDecimalsAreTheirExactNumber() {
        assertReads(new String[][] {
            {"0,1", ",", "0.1"}, {"0,2", ",", "0.2"}, {"12345678901234,56789", ",", "12345678901234.56789"},
            {"12345678901234.56789", ".", "12345678901234.56789"}, {"1 234 567,891", ",", "1234567.891"},
            {"1.234.567,5", ",", "1234567.5"}, {"1,234,567.5", ".", "1234567.5"}, {"-0,000001", ",", "-0.000001"},
            {"+.5", ".", "0.5"}, {"1,5E-3", ",", "0.0015"},
            // Beyond a long: BigDecimal's own parser, same exactness.
            {"123456789012345678901234567890,123456789", ",", "123456789012345678901234567890.123456789"},
            {"12,5", ".", null}, // not a number in that style
            {"01,5", ",", null}}); // a code
        assertThat(CellText.parseDecimal("0,1", ',').add(CellText.parseDecimal("0,2", ',')))
                .isEqualTo(new BigDecimal("0.3"));
    }

    @Test
    void theCanonicalFormHasNoTrailingZeroNoExponentAndOneZero() {
        assertReads(new String[][] {
            {"2,50", ",", "2.5"}, {"1e3", ".", "1000"}, {"1.0E+20", ".", "100000000000000000000"},
            {"10,000", ",", "10"}, {"-0,00", ",", "0"},
            {"12300000000000000000000,000", ",", "12300000000000000000000"}});
        assertThat(Decimals.of(new BigDecimal("1.5E+3"))).isEqualTo(new BigDecimal("1500"));
        assertThat(Decimals.text(CellText.parseDecimal("1e-7", '.'))).isEqualTo("0.0000001");
    }

    @Test
    void typedNumbersOfOtherFormats() {
        assertThat(Decimals.of(0.1)).isEqualTo(new BigDecimal("0.1")); // a GeoPackage REAL: its shortest decimal
        assertThat(Decimals.of(3.0)).isEqualTo(new BigDecimal("3"));
        assertThat(Decimals.of(0.1f)).isEqualTo(new BigDecimal("0.1"));
        assertThat(Decimals.of(42L)).isEqualTo(new BigDecimal("42"));
        assertThat(Decimals.of(new BigInteger("123456789012345678901234567890")))
                .isEqualTo(new BigDecimal("123456789012345678901234567890"));
        assertThat(Decimals.of(Double.NaN)).isNull();
        assertThat(Decimals.of(Double.POSITIVE_INFINITY)).isNull();
    }

    @Test
    void numbersBeyondAThousandDigitsAreRefusedWithoutBuildingThem() {
        assertThat(Decimals.of(new BigDecimal("1e999999999"))).isNull(); // a GeoJSON property of 11 characters
        assertThat(Decimals.of(new BigDecimal("1e-999999999"))).isNull();
        assertThat(Decimals.of(new BigDecimal("1e999"))).isEqualTo(BigDecimal.TEN.pow(999));
        assertThat(Decimals.of(new BigDecimal("1e-1000"))).isEqualTo(BigDecimal.ONE.movePointLeft(1000));
        assertThat(Decimals.of(new BigDecimal("1e-1001"))).isNull();
        assertThat(Decimals.of(new BigDecimal("1" + "0".repeat(1000)))).isNull(); // 1001 integer digits
        assertThat(Decimals.of(new BigDecimal("1." + "0".repeat(1500)))).isEqualTo(BigDecimal.ONE); // zeros aside
        assertThat(CellText.parseDecimal("0," + "0".repeat(1000) + "1", ',')).isNull();
        assertThat(CellText.parseDecimal("1" + "2".repeat(4000), '.')).isNull(); // refused before parsing
        assertThat(CellText.parseDecimal("9".repeat(999) + ".9", '.')).isEqualTo(new BigDecimal("9".repeat(999) + ".9"));
    }

    @Test
    void randomNumbersInBothStylesReadAsBigDecimalReadsThem() {
        Random random = new Random(11);
        for (int n = 0; n < 200_000; n++) {
            int digits = 1 + random.nextInt(n % 20 == 0 ? 40 : 17);
            StringBuilder text = new StringBuilder();
            if (random.nextInt(4) == 0) {
                text.append('-');
            }
            text.append(1 + random.nextInt(9));
            for (int i = 1; i < digits; i++) {
                text.append(random.nextInt(10));
            }
            int point = random.nextInt(digits + 1);
            String plain = point == digits ? text.toString() : text.insert(text.length() - point, '.').toString();
            if (plain.startsWith(".") || plain.startsWith("-.")) {
                plain = plain.replace(".", "0.");
            }
            if (random.nextInt(10) == 0) {
                plain += "e" + (random.nextInt(40) - 20);
            }
            BigDecimal expected = new BigDecimal(plain);
            expected = expected.signum() == 0 ? BigDecimal.ZERO : expected.stripTrailingZeros();
            if (expected.scale() < 0) {
                expected = expected.setScale(0);
            }
            if (CellText.numberBits(plain, '.') == 0) {
                continue; // e.g. integers of more than 18 digits, which stay text
            }
            assertThat(CellText.parseDecimal(plain, '.')).as(plain).isEqualTo(expected);
            assertThat(CellText.parseDecimal(plain.replace('.', ','), ',')).as(plain).isEqualTo(expected);
        }
    }
}
