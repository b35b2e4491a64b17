package fr.mel.opale.data.internal.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The folding rule in Java; {@code FeatureFiltersContract} checks that each database applies the same. */
class TextFoldingTest {
    @ParameterizedTest(name = "ACCENTI({0}) = {1}")
    @CsvSource(delimiter = '|', value = {"Pérenchies|Perenchies", "Chișinău|Chisinau", "Œuvre|OEuvre", "cœur|coeur",
            "Straße|Strasse", "Øresund|Oresund", "Łódź|Lodz", "Đakovo|Dakovo", "ħaġar|hagar", "Þór|THor",
            "ﬁnal|final", "Ĳssel|IJssel", "Việt|Viet", "Ελλάδα|Ελλαδα", "йогурт|иогурт", "がぎ|がぎ", "한국|한국",
            "x²|x²", "Ÿ|Y"})
    void foldsAccentsOfEveryScriptButKeepsJapaneseVoicing(String text, String folded) {
        assertThat(TextFolding.foldAccents(text)).isEqualTo(folded);
    }

    @Test
    void decomposedAndComposedTextFoldAlike() {
        assertThat(TextFolding.foldAccents("Pe\u0301renchies")).isEqualTo("Perenchies");
        assertThat(TextFolding.foldAccents("a\u0300\u0301\u0302")).isEqualTo("a");
        assertThat(TextFolding.foldAccents(null)).isNull();
    }

    @Test
    void theMarksAreTheStandardsNonSpacingMarksButTheVoicingOnes() {
        for (int cp = 0; cp <= 0x10FFFF; cp++) {
            boolean mark = Character.getType(cp) == Character.NON_SPACING_MARK && cp != 0x3099 && cp != 0x309A;
            if (Character.UnicodeBlock.of(cp) != null && mark) {
                assertThat(TextFolding.isRemovedMark(cp)).as("U+%04X", cp).isTrue();
            }
        }
        assertThat(TextFolding.isRemovedMark(0x3099)).isFalse();
        assertThat(TextFolding.isRemovedMark('e')).isFalse();
    }

    @Test
    void foldsCasePerCodePoint() {
        assertThat(TextFolding.foldCase("ΟΔΟΣ")).isEqualTo(TextFolding.foldCase("οδος")).isEqualTo("οδοσ");
        assertThat(TextFolding.foldCase("Straße")).isEqualTo("straße");
        assertThat(TextFolding.foldCase("İSTANBUL")).isEqualTo("istanbul");
        assertThat(TextFolding.foldCase(null)).isNull();
    }

    @Test
    void postgresExpressionsAreAsciiAndWrapTheirArgumentOnce() {
        String sql = TextFolding.postgresFoldAccents("\"nom\"");
        assertThat(sql.chars().allMatch(c -> c < 128)).isTrue();
        assertThat(sql.split("\"nom\"", -1)).hasSize(2);
        assertThat(TextFolding.postgresFoldCase("?")).isEqualTo("lower(upper(?))");
    }
}
