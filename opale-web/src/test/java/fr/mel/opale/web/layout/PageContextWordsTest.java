package fr.mel.opale.web.layout;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Dates and counts in the words of the bundles the application ships: "1er janvier", "1 ligne", "2 lignes". */
class PageContextWordsTest {
    private static PageContext page(Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/web");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new PageContext(locale, messages, null, PageContext.Tabs.NONE, "/", null, null);
    }

    @Test
    void theFirstOfAMonthIsAnOrdinalInFrenchOnly() {
        PageContext fr = page(Locale.FRENCH);
        assertThat(fr.date(LocalDate.of(2025, 1, 1))).isEqualTo("1er janvier 2025");
        assertThat(fr.date(LocalDate.of(2025, 1, 11))).isEqualTo("11 janvier 2025");
        assertThat(fr.date(LocalDate.of(2025, 3, 21))).isEqualTo("21 mars 2025");
        assertThat(fr.dateTime(LocalDateTime.of(2025, 5, 1, 14, 5))).startsWith("1er mai 2025").contains("14:05");
        assertThat(page(Locale.ENGLISH).date(LocalDate.of(2025, 1, 1))).isEqualTo("January 1, 2025");
    }

    @Test
    void countsAgreeWithTheirNoun() {
        PageContext fr = page(Locale.FRENCH);
        assertThat(fr.t("ogc.count", 0)).isEqualTo("aucune ligne");
        assertThat(fr.t("ogc.count", 1)).isEqualTo("1 ligne");
        assertThat(fr.t("ogc.count", 2)).isEqualTo("2 lignes");
        assertThat(fr.t("dataset.downloads.intro", "1", 1L)).contains("(1 ligne)");
        assertThat(fr.t("dataset.downloads.intro", "3 297", 3297L)).contains("(3 297 lignes)");
        assertThat(fr.t("dataset.columns.summary", "1", 1, 1L)).isEqualTo("1 ligne, 1 colonne.");
        assertThat(fr.t("dataReport.summary", 1, 1L, 2)).isEqualTo("Version 1 : 1 ligne, 2 colonnes.");
        assertThat(fr.t("dataset.map.caption", "1", 1L)).startsWith("Carte de l’entité du jeu de données");
        assertThat(fr.t("dataset.map.caption", "95", 95L)).startsWith("Carte des 95 entités du jeu de données");
        assertThat(fr.t("dataset.chart.summary", "1", "1", 1L, 1L)).endsWith(": 1 ligne, 1 groupe.");
        assertThat(fr.t("chart.others", "3", 3L)).isEqualTo("Autres (3 groupes)");
        assertThat(fr.t("quality.details", 1, 10)).isEqualTo("Détail : 1 critère respecté sur 10");
        assertThat(fr.t("import.job.rows", 1L)).isEqualTo("1 ligne lue");
        assertThat(fr.t("tokens.days", 1)).isEqualTo("1 jour");
        assertThat(fr.t("dataset.table.status", "0", "0", "0", 0)).isEqualTo("Aucune ligne ne correspond.");
        assertThat(fr.t("dataset.table.status", "1", "1", "1", 1)).isEqualTo("1 ligne correspond ; ligne 1 affichée.");
        assertThat(fr.t("dataset.table.status", "101", "101", "101", 3))
                .isEqualTo("101 lignes correspondent ; ligne 101 affichée.");
        assertThat(fr.t("dataset.table.status", "1\u202F200", "1", "50", 4))
                .isEqualTo("1\u202F200 lignes correspondent ; lignes 1 à 50 affichées.");
        assertThat(fr.t("dataReport.schema.invalid", 1, "S")).isEqualTo("1 erreur par rapport au schéma « S ».");
        assertThat(fr.t("dataReport.schema.invalid", 2, "S")).isEqualTo("2 erreurs par rapport au schéma « S ».");
        assertThat(fr.t("card.moreKeywords", 1)).isEqualTo("et 1 autre");
        assertThat(fr.t("card.moreKeywords", 4)).isEqualTo("et 4 autres");
        assertThat(fr.t("organisations.records", 0)).isEqualTo("Aucune fiche");
        assertThat(fr.t("organisations.records", 1)).isEqualTo("1 fiche");
        assertThat(fr.t("organisations.records", 2)).isEqualTo("2 fiches");
        PageContext en = page(Locale.ENGLISH);
        assertThat(en.t("dataset.table.status", "1", "1", "1", 1)).isEqualTo("1 matching row; row 1 shown.");
        assertThat(en.t("dataset.table.status", "1,200", "1", "50", 4))
                .isEqualTo("1,200 matching rows; rows 1 to 50 shown.");
        assertThat(en.t("ogc.count", 1)).isEqualTo("1 feature");
        assertThat(en.t("dataset.downloads.intro", "1", 1L)).contains("(1 row)");
        assertThat(en.t("tokens.days", 30)).isEqualTo("30 days");
    }
}
