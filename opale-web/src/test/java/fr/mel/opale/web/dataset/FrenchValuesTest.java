package fr.mel.opale.web.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The server's cell formats, the same strings as the script's ({@code format.test.js}). */
class FrenchValuesTest {
    @Test
    void numbersDatesAndInstantsReadAsInFrench() {
        assertThat(FrenchValues.format(new BigDecimal("4521.5"), "fr")).isEqualTo("4\u202F521,5");
        assertThat(FrenchValues.format(new BigDecimal("1234567.250"), "fr")).isEqualTo("1\u202F234\u202F567,25");
        assertThat(FrenchValues.format(-12L, "fr")).isEqualTo("-12");
        assertThat(FrenchValues.format(new BigDecimal("12345678901234567890"), "fr"))
                .isEqualTo("12\u202F345\u202F678\u202F901\u202F234\u202F567\u202F890");
        assertThat(FrenchValues.format(new BigDecimal("4521.5"), "en")).isEqualTo("4,521.5");
        assertThat(FrenchValues.format(LocalDate.of(2025, 1, 1), "fr")).isEqualTo("1er janvier 2025");
        assertThat(FrenchValues.format(LocalDate.of(2024, 3, 15), "fr")).isEqualTo("15 mars 2024");
        assertThat(FrenchValues.format(LocalDate.of(2025, 1, 1), "en")).isEqualTo("January 1, 2025");
        assertThat(FrenchValues.format(OffsetDateTime.parse("2024-12-31T23:30:00Z"), "fr"))
                .isEqualTo("1er janvier 2025 à 00:30");
        assertThat(FrenchValues.format(true, "fr")).isEqualTo("oui");
        assertThat(FrenchValues.format(null, "fr")).isEmpty();
    }
}
