package fr.mel.opale.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Writes the test containers that were <em>aborted</em> — a class whose {@code @BeforeAll} skipped, a parameterized
 * test whose {@code @MethodSource} skipped, a {@code @TestFactory} that skipped before making its tests — as skipped
 * test cases of a Surefire-format XML report. Surefire leaves them out of its own reports (their tests never
 * started), so without this such a skip would be invisible to {@code .ci/test-report}, which fails CI on every skip
 * not explained in {@code .ci/allowed-skips.txt}.
 *
 * <p>Registered for every test JVM through {@code META-INF/services} of this test-jar; writes only when the system
 * property {@value #PROPERTY} names the reports folder (the parent POM sets it for Surefire), so a run from an IDE
 * leaves nothing behind.
 */
public final class AbortedContainersReport implements TestExecutionListener {
    public static final String PROPERTY = "opale.test.reports.dir";

    private record Aborted(String className, String name, String reason) {
    }

    private final List<Aborted> aborted = new ArrayList<>();

    @Override
    public synchronized void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        // Aborted tests are in Surefire's reports already; only containers are missing.
        if (result.getStatus() == TestExecutionResult.Status.ABORTED && !identifier.isTest()) {
            String reason = result.getThrowable().map(Throwable::getMessage).orElse("");
            aborted.add(describe(identifier, reason == null ? "" : reason));
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan plan) {
        String dir = System.getProperty(PROPERTY);
        if (aborted.isEmpty() || dir == null || dir.isBlank()) {
            return;
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<testsuite name=\"aborted-containers\" tests=\"").append(aborted.size())
                .append("\" skipped=\"").append(aborted.size()).append("\" failures=\"0\" errors=\"0\">\n");
        for (Aborted one : aborted) {
            xml.append("  <testcase classname=\"").append(escape(one.className())).append("\" name=\"")
                    .append(escape(one.name())).append("\" time=\"0\">\n    <skipped message=\"")
                    .append(escape("conteneur ignoré : " + one.reason())).append("\"/>\n  </testcase>\n");
        }
        xml.append("</testsuite>\n");
        try {
            Path folder = Files.createDirectories(Path.of(dir));
            Files.writeString(folder.resolve("TEST-aborted-containers-" + ProcessHandle.current().pid() + "-"
                    + System.nanoTime() + ".xml"), xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Class and name as Surefire writes them: {@code method(ParamType)} for a method container, empty for a class. */
    private static Aborted describe(TestIdentifier identifier, String reason) {
        TestSource source = identifier.getSource().orElse(null);
        if (source instanceof MethodSource method) {
            String parameters = Arrays.stream(method.getMethodParameterTypes().split(","))
                    .map(String::strip).filter(p -> !p.isEmpty()).map(p -> p.substring(p.lastIndexOf('.') + 1))
                    .reduce((a, b) -> a + ", " + b).orElse("");
            return new Aborted(method.getClassName(), method.getMethodName() + "(" + parameters + ")", reason);
        }
        if (source instanceof ClassSource type) {
            return new Aborted(type.getClassName(), "", reason);
        }
        return new Aborted(identifier.getUniqueId(), identifier.getDisplayName(), reason);
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\n', '\r', '\t' -> out.append(' ');
                default -> {
                    if (c >= 0x20) {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }
}
