package fr.mel.opale.web.search;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.testing.HttpTestClient;
import fr.mel.opale.testing.OnH2;
import fr.mel.opale.web.HeadlessChromium;
import fr.mel.opale.web.WebTestApplication;
import java.time.Duration;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The facet and address flow in a real headless Chromium, by keyboard only: Tab to a facet checkbox, Space, the
 * results refresh (htmx) and the address changes; Tab to a chip, Enter removes it; the back button restores the
 * results and the checkbox; a card's keyword link filters. axe checks the filtered page and the home page's tiles;
 * screenshots of the filtered page, wide and narrow, land in {@code target/}. Shares {@link SearchPagesContract}'s
 * context (same configuration), hence its imported records.
 */
@OnH2
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = SearchPagesContract.CONTEXT)
class SearchBrowserTest {
    private static final Pattern NUMBER = Pattern.compile("^(\\d+)");

    @LocalServerPort
    int port;

    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        chromium = HeadlessChromium.start(port);
        browser = chromium.driver();
        SearchPagesContract.importOnce(new HttpTestClient(port));
    }

    @AfterEach
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void filtersByKeyboardWithHtmxKeepsTheAddressAndTheBackButtonAndPassesAxe() throws Exception {
        chromium.open("/catalogue");
        waitUntil(d -> Boolean.TRUE.equals(chromium.script("return !!window.htmx;")));
        long everything = total();

        // keyboard only: from the text box, Tab to the first facet checkbox (the largest usage category)
        chromium.script("document.getElementById('q').focus();");
        WebElement checkbox = tabUntil("input.facet-input");
        String checkboxId = checkbox.getAttribute("id");
        assertThat(checkbox.getAttribute("name")).isEqualTo("category");
        long expected = count(browser.findElement(By.cssSelector("label[for='" + checkboxId + "'] .facet-count")).getText());
        new Actions(browser).sendKeys(Keys.SPACE).perform();

        waitUntil(d -> d.getCurrentUrl().contains("category=") && total() == expected);
        assertThat(expected).isLessThan(everything);
        assertThat(browser.getCurrentUrl()).doesNotContain("q=&").contains("/catalogue?category=https%3A%2F%2F");
        assertThat(browser.findElement(By.id(checkboxId)).isSelected()).isTrue();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus kept on the checkbox")
                .isEqualTo(checkboxId);
        waitUntil(d -> d.findElement(By.id("search-status")).getAttribute("textContent")
                .equals(d.findElement(By.id("results-heading")).getText()));
        assertThat(browser.findElements(By.tagName("html"))).hasSize(1);
        chromium.checkAccessibility("catalogue filtré");
        browser.manage().window().setSize(new Dimension(360, 800));
        assertThat(chromium.script("return document.documentElement.scrollWidth <= window.innerWidth;"))
                .as("no horizontal scrolling at 360px wide").isEqualTo(true);
        // narrow: the panel folds behind a button that counts the active filter (no panel to jump over)
        waitUntil(d -> d.findElement(By.cssSelector(".facets-toggle")).isDisplayed());
        assertThat(browser.findElement(By.cssSelector(".facets-toggle")).getText()).isEqualTo("Filtres (1 actif)");
        assertThat(browser.findElement(By.id("facets-panel")).isDisplayed()).isFalse();
        chromium.screenshot("target/catalogue-filtre.png", 1280);
        chromium.screenshot("target/catalogue-filtre-etroit.png", 600);

        // Tab on to the chip of that filter; Enter removes it
        WebElement chip = tabUntil("a.chip");
        assertThat(chip.getAttribute("aria-label")).startsWith("Retirer le filtre Catégorie : ");
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        waitUntil(d -> !d.getCurrentUrl().contains("category=") && total() == everything);
        assertThat(browser.findElement(By.id(checkboxId)).isSelected()).isFalse();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("focus moved to the result count")
                .isEqualTo("results-heading");

        // back: the filtered state again, results and checkbox
        browser.navigate().back();
        waitUntil(d -> d.getCurrentUrl().contains("category=") && total() == expected
                && d.findElement(By.id(checkboxId)).isSelected());
        browser.navigate().back();
        waitUntil(d -> !d.getCurrentUrl().contains("category=") && total() == everything
                && !d.findElement(By.id(checkboxId)).isSelected());

        // a card's keyword link applies that filter alone, and its results hold the card's record
        WebElement keyword = browser.findElement(By.cssSelector(".card .tag-link[href*='keyword=']"));
        String title = keyword.findElement(By.xpath("ancestor::article")).findElement(By.cssSelector(".card-title a"))
                .getText();
        keyword.sendKeys(Keys.ENTER);
        waitUntil(d -> d.getCurrentUrl().contains("/catalogue?keyword="));
        waitUntil(d -> d.findElements(By.cssSelector(".card-title a")).stream().anyMatch(a -> a.getText().equals(title)));
        assertThat(browser.findElement(By.cssSelector("a.chip")).getAttribute("aria-label"))
                .startsWith("Retirer le filtre Mot-clé : ");

        // the sort select refreshes too
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("sort"))).selectByValue("score");
        waitUntil(d -> d.getCurrentUrl().contains("sort=score"));

        chromium.open("/");
        assertThat(browser.findElements(By.cssSelector(".tiles .tile"))).hasSize(11);
        chromium.checkAccessibility("accueil avec tuiles");
        chromium.screenshot("target/accueil-tuiles.png", 1280);
        browser.findElement(By.cssSelector("a.tile")).click();
        waitUntil(d -> d.getCurrentUrl().contains("/catalogue?category="));
        assertThat(total()).isPositive();

        assertThat(chromium.consoleMessages()).as("no CSP violation nor script error")
                .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Uncaught"));
        assertThat(chromium.accessibilityProblems()).as(String.join("\n", chromium.accessibilityProblems())).isEmpty();
    }

    /** Presses Tab until the focused element matches {@code css}; fails after 300 presses. */
    private WebElement tabUntil(String css) {
        for (int i = 0; i < 300; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            if (Boolean.TRUE.equals(chromium.script("return arguments[0].matches(arguments[1]);", focused, css))) {
                return focused;
            }
        }
        throw new AssertionError("no focusable " + css + " reached by Tab");
    }

    private long total() {
        return count(browser.findElement(By.id("results-heading")).getText());
    }

    private static long count(String text) {
        String digits = text.replaceAll("[()\\s\u202f\u00a0]", "");
        Matcher number = NUMBER.matcher(digits);
        return number.find() ? Long.parseLong(number.group(1)) : 0;
    }

    private void waitUntil(Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }
}
