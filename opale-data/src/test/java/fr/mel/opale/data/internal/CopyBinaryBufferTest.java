package fr.mel.opale.data.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The numeric encoding read back the way {@code numeric_recv} reads it: same value, display scale without trailing
 * zeros after the point (as H2's DECFLOAT keeps it), no zero group at either end. The PostGIS round trip ({@code BinaryCopyPostgisTest}) checks what the server makes of it.
 */
class CopyBinaryBufferTest {
    @Test
    void numericsReadBackByTheirValue() {
        for (String text : new String[] {"0", "0.00", "-0.5", "12.30", "1E-20", "1E+3", "-1E+5",
            "123456789012345678901234.5678", "-98765432109876543210.0123456789012345", "9999", "10000", "0.0001",
            "0.00010", "1E+100", "1.5E-300",
            "9223372036854775807", "-9223372036854775808", "9223372036854775.807", "0.000000000000000000001"}) {
            assertRoundTrip(new BigDecimal(text));
        }
        Random random = new Random(5);
        for (int n = 0; n < 100_000; n++) {
            BigInteger unscaled = new BigInteger(1 + random.nextInt(n % 10 == 0 ? 200 : 63), random);
            BigDecimal value = new BigDecimal(random.nextBoolean() ? unscaled : unscaled.negate(),
                    random.nextInt(60) - 20);
            assertRoundTrip(value);
        }
    }

    @Test
    void valuesPostgresqlCannotHoldExactlyAreRefused() {
        CopyBinaryBuffer buffer = new CopyBinaryBuffer(16);
        assertThatThrownBy(() -> buffer.putNumeric(new BigDecimal("1E-16384"))).hasMessageContaining("décimales");
        assertThatThrownBy(() -> buffer.putNumeric(new BigDecimal("1E+200000"))).hasMessageContaining("limites");
        assertThatThrownBy(() -> buffer.putDate(LocalDate.MAX)).hasMessageContaining("limites");
        assertThatThrownBy(() -> buffer.putTimestamp(OffsetDateTime.MIN)).hasMessageContaining("limites");
        assertThat(buffer.length()).isZero();
    }

    @Test
    void datesAndTimestampsCountFrom2000() {
        CopyBinaryBuffer buffer = new CopyBinaryBuffer(4);
        buffer.putDate(LocalDate.of(1999, 12, 31));
        buffer.putTimestamp(OffsetDateTime.parse("2000-01-01T01:00:00.0000015+01:00"));
        buffer.putText("é\u0000a");
        ByteBuffer read = ByteBuffer.wrap(buffer.bytes(), 0, buffer.length());
        assertThat(read.getInt()).isEqualTo(4);
        assertThat(read.getInt()).isEqualTo(-1);
        assertThat(read.getInt()).isEqualTo(8);
        assertThat(read.getLong()).isEqualTo(2); // 1.5 µs rounded half up
        assertThat(read.getInt()).isEqualTo(4);
        assertThat(read.remaining()).isEqualTo(4);
    }

    /** What H2's DECFLOAT keeps of a value: no trailing zero after the point, no negative scale. */
    static BigDecimal byValue(BigDecimal value) {
        BigDecimal stripped = value.scale() > 0 ? value.stripTrailingZeros() : value;
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static void assertRoundTrip(BigDecimal value) {
        CopyBinaryBuffer buffer = new CopyBinaryBuffer(8);
        buffer.putNumeric(value);
        ByteBuffer read = ByteBuffer.wrap(buffer.bytes(), 0, buffer.length());
        int length = read.getInt();
        assertThat(length).isEqualTo(buffer.length() - 4);
        int ndigits = read.getShort() & 0xFFFF;
        int weight = read.getShort();
        int sign = read.getShort() & 0xFFFF;
        int dscale = read.getShort() & 0xFFFF;
        assertThat(length).isEqualTo(8 + 2 * ndigits);
        BigDecimal decoded = BigDecimal.ZERO;
        for (int i = 0; i < ndigits; i++) {
            int digit = read.getShort();
            assertThat(digit).as("%s digit %d", value, i).isBetween(0, 9999);
            if (i == 0 || i == ndigits - 1) {
                assertThat(digit).as("%s: no zero group at either end", value).isNotZero();
            }
            decoded = decoded.add(BigDecimal.valueOf(digit).scaleByPowerOfTen(4 * (weight - i)));
        }
        if (sign == 0x4000) {
            decoded = decoded.negate();
        } else {
            assertThat(sign).isZero();
        }
        assertThat(decoded.setScale(dscale, RoundingMode.UNNECESSARY)).as("%s", value).isEqualTo(byValue(value));
        if (ndigits == 0) {
            assertThat(weight).isZero();
        }
    }
}
