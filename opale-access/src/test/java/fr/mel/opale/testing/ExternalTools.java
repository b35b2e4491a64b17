package fr.mel.opale.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The programs some tests run beside Opale — independent OGC clients (GDAL, OWSLib) and Debian's Chromium — found
 * where Debian installs them (never downloaded by a test). Each is looked for once per test JVM; missing, it goes
 * through its {@link Prerequisite}: skipped with the package to install, failing under the {@code OPALE_REQUIRE_*}
 * flag CI sets.
 */
public final class ExternalTools {
    public static final Path OGRINFO = Path.of("/usr/bin/ogrinfo");
    public static final Path OGR2OGR = Path.of("/usr/bin/ogr2ogr");
    public static final Path PYTHON = Path.of("/usr/bin/python3");
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** What is missing of each probe (empty: present), so that a probe runs once however many tests ask. */
    private static final Map<String, Optional<String>> PROBED = new ConcurrentHashMap<>();

    private ExternalTools() {
    }

    /** GDAL's {@code ogrinfo} and {@code ogr2ogr} (Debian {@code gdal-bin}), answering {@code --version}. */
    public static void requireGdal() {
        require(Prerequisite.OGC_CLIENTS, "gdal", () -> {
            Optional<String> missing = executable(OGRINFO).or(() -> executable(OGR2OGR));
            return missing.isPresent() ? missing
                    : run(List.of(OGRINFO.toString(), "--version"), "GDAL", "GDAL (ogrinfo --version)");
        });
    }

    /** OWSLib (Debian {@code python3-owslib}) with the given module, e.g. {@code owslib.ogcapi.features}. */
    public static void requireOwslib(String module) {
        require(Prerequisite.OGC_CLIENTS, "owslib " + module, () -> executable(PYTHON)
                .or(() -> run(List.of(PYTHON.toString(), "-c", "import " + module + "; print('ok')"), "ok",
                        "OWSLib (module Python " + module + ")")));
    }

    /** Chromium and chromedriver (Debian {@code chromium chromium-driver}). */
    public static void requireChromium() {
        require(Prerequisite.BROWSER, "chromium", () -> executable(CHROMIUM).or(() -> executable(CHROMEDRIVER)));
    }

    private static void require(Prerequisite prerequisite, String key, java.util.function.Supplier<Optional<String>> probe) {
        PROBED.computeIfAbsent(key, k -> probe.get()).ifPresent(missing -> {
            throw prerequisite.missing(missing);
        });
    }

    private static Optional<String> executable(Path program) {
        return Files.isExecutable(program) ? Optional.empty() : Optional.of(program + " absent");
    }

    /** Empty when the command exits 0 with output starting with {@code expected}; else what went wrong. */
    private static Optional<String> run(List<String> command, String expected, String what) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.of(what + " ne répond pas en 60 s");
            }
            return process.exitValue() == 0 && output.startsWith(expected) ? Optional.empty()
                    : Optional.of(what + " absent ou en échec : " + output.strip());
        } catch (IOException e) {
            return Optional.of(what + " absent : " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of(what + " : attente interrompue");
        }
    }
}
