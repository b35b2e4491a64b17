package fr.mel.opale.data.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast double → decimal conversion of loads must store what BigDecimal.valueOf(double) stored. */
class CellValuesTest {
    @Test
    void decimalsReadFromTextKeepTheirDigits() {
        Random random = new Random(7);
        for (int n = 0; n < 200_000; n++) {
            int decimals = 1 + random.nextInt(9);
            long digits = random.nextLong() % 10_000_000_000L;
            double d = Double.parseDouble(BigDecimal.valueOf(digits, decimals).toPlainString());
            BigDecimal plain = CellValues.plainDecimal(d);
            if (plain != null) {
                assertThat(plain).as("%s", d).isEqualTo(BigDecimal.valueOf(d));
            }
        }
        assertThat(CellValues.plainDecimal(5.0)).isEqualTo(new BigDecimal("5.0"));
        assertThat(CellValues.plainDecimal(-0.25)).isEqualTo(new BigDecimal("-0.25"));
        assertThat(CellValues.plainDecimal(3.0123456)).isEqualTo(new BigDecimal("3.0123456"));
        assertThat(CellValues.plainDecimal(1e7)).isNull(); // Double.toString switches to "1.0E7"
        assertThat(CellValues.plainDecimal(0.0005)).isNull();
        assertThat(CellValues.plainDecimal(0.0)).isNull();
    }

    @Test
    void anyDoubleReadsBackAndIsNeverLongerThanDoubleToString() {
        Random random = new Random(11);
        int differing = 0;
        for (int n = 0; n < 200_000; n++) {
            double d = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(10) - 2);
            BigDecimal plain = CellValues.plainDecimal(d);
            if (plain == null) {
                continue;
            }
            BigDecimal reference = BigDecimal.valueOf(d);
            assertThat(plain.doubleValue()).isEqualTo(d);
            assertThat(plain.scale()).isLessThanOrEqualTo(Math.max(1, reference.scale()));
            if (!plain.equals(reference)) {
                differing++;
            }
        }
        assertThat(differing).isZero();
    }
}
