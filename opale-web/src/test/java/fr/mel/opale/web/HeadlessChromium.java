package fr.mel.opale.web;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.testing.ExternalTools;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's Chromium driven headless by Selenium (never a downloaded browser or driver), with axe-core to check pages
 * against WCAG 2.1 A/AA. One per test; {@link #close()} quits the browser and deletes its profile. Skips the
 * calling test where Chromium is absent, fails it instead under {@code OPALE_REQUIRE_BROWSER=true} (CI): see
 * {@link ExternalTools#requireChromium()}.
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final Path CHROMIUM = ExternalTools.CHROMIUM;
    private static final Path CHROMEDRIVER = ExternalTools.CHROMEDRIVER;
    /** Installed by `npm ci` (run by Maven in generate-resources). */
    private static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");
    private static final String AXE_RUN = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
              .then(result => done(result.violations.map(v => ({
                  id: v.id, impact: v.impact || '', help: v.help,
                  nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '')).join('\\n    ')}))))
              .catch(error => done([{id: 'axe-error', impact: 'critical', help: String(error), nodes: ''}]));
            """;

    private final ChromeDriver browser;
    private final Path profile;
    private final int port;
    /** Serious and critical axe violations, one line each, for the final assertion. */
    private final List<String> accessibilityProblems = new ArrayList<>();

    private HeadlessChromium(ChromeDriver browser, Path profile, int port) {
        this.browser = browser;
        this.profile = profile;
        this.port = port;
    }

    private String host = "127.0.0.1";

    public static HeadlessChromium start(int port) throws Exception {
        return start(port, List.of("--disable-gpu"));
    }

    /**
     * With WebGL (the map previews): no {@code --disable-gpu}, and ANGLE on SwiftShader, Chromium's software
     * renderer, which headless Chromium only uses for WebGL when told it is acceptable.
     */
    public static HeadlessChromium startWithWebGl(int port) throws Exception {
        return start(port, List.of("--use-angle=swiftshader", "--enable-unsafe-swiftshader"));
    }

    /** {@code graphics}: the GPU/WebGL switches (e.g. {@code --disable-gpu}, {@code --disable-webgl}). */
    public static HeadlessChromium start(int port, List<String> graphics) throws Exception {
        ExternalTools.requireChromium();
        assertThat(AXE).as("axe-core missing: run `npm ci` in opale-web (Maven does it unless -Dskip.npm)").exists();
        // Selenium Manager must never try to download a browser or a driver
        System.setProperty("SE_OFFLINE", "true");
        Path profile = Files.createTempDirectory("opale-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(graphics);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=fr-FR");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new HeadlessChromium(browser, profile, port);
    }

    public ChromeDriver driver() {
        return browser;
    }

    public void open(String path) {
        browser.get(url(path));
    }

    public String url(String path) {
        return "http://" + host + ":" + port + path;
    }

    /**
     * Pages on {@code localhost} from now on, rather than {@code 127.0.0.1}: WebAuthn needs a domain name as the
     * relying party id (an IP address is refused by the browser), so passkey tests run there.
     */
    public HeadlessChromium onLocalhost() {
        host = "localhost";
        return this;
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Runs axe on the current page; prints every violation, keeps the serious and critical ones. */
    @SuppressWarnings("unchecked")
    public void checkAccessibility(String pageName) throws Exception {
        JavascriptExecutor js = browser;
        js.executeScript(Files.readString(AXE, StandardCharsets.UTF_8));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript(AXE_RUN);
        for (Map<String, Object> violation : violations) {
            String line = "[" + pageName + "] " + violation.get("impact") + " " + violation.get("id") + ": "
                    + violation.get("help") + "\n    " + violation.get("nodes");
            System.out.println("axe " + line);
            if ("serious".equals(violation.get("impact")) || "critical".equals(violation.get("impact"))) {
                accessibilityProblems.add(line);
            }
        }
        System.out.println("axe [" + pageName + "] " + violations.size() + " violation(s)");
    }

    public List<String> accessibilityProblems() {
        return List.copyOf(accessibilityProblems);
    }

    /** The browser console's messages so far (CSP violations show there). */
    public List<String> consoleMessages() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    /** A screenshot of the whole page at {@code width} pixels wide. */
    public void screenshot(String file, int width) throws Exception {
        browser.manage().window().setSize(new Dimension(width, 900));
        Object height = browser.executeScript("window.scrollTo(0, 0); return document.documentElement.scrollHeight;");
        browser.manage().window().setSize(new Dimension(width, Math.min(4000, ((Number) height).intValue())));
        File png = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), Path.of(file), StandardCopyOption.REPLACE_EXISTING);
        browser.manage().window().setSize(new Dimension(1280, 900));
    }

    @Override
    public void close() {
        browser.quit();
        FileSystemUtils.deleteRecursively(profile.toFile());
    }
}
