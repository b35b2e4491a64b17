package fr.mel.opale.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/**
 * The real OpenID provider of the tests: one Keycloak per test JVM, on {@code http://localhost:<port>}, with the
 * realms of {@link KeycloakRealm} (MEL's IdP, FranceConnect v2, ProConnect) and their {@link KeycloakUser}s.
 * Keycloak is on {@code localhost} and the application under test on {@code 127.0.0.1}, so their cookies never mix.
 *
 * <p>Where it comes from, decided once per JVM by the first {@link #shared()} (or {@link OnKeycloak}):
 * <ul>
 * <li>{@value #URL_ENV} set ({@code .ci/run} starts one Keycloak before Maven for the whole run): that server, once
 * its realms answer. {@value #PID_ENV} (a process that lives as long as that server, optional) lets a crash fail at
 * once instead of at the time limit, and {@value #LOG_ENV} names its log in the message;</li>
 * <li>else a server of our own ({@link KeycloakProcess}) from the distribution Maven unpacked (system property
 * {@value #HOME_PROPERTY}, set by the parent POM) under a Java 21+ ({@value #JAVA_HOME_ENV}, else the newest
 * under {@code /usr/lib/jvm}), stopped when the JVM exits.</li>
 * </ul>
 * Without the distribution or a Java 21+, tests that need Keycloak are skipped with the reason, unless
 * {@value #REQUIRE_ENV}{@code =true} (CI) where they fail. A server that was found but fails to start or to answer
 * within {@link #READY_TIMEOUT} fails them everywhere. Thread-safe; the answer is kept for the JVM's life.
 */
public final class KeycloakServer {
    public static final String URL_ENV = "OPALE_TEST_KEYCLOAK_URL";
    public static final String PID_ENV = "OPALE_TEST_KEYCLOAK_PID";
    public static final String LOG_ENV = "OPALE_TEST_KEYCLOAK_LOG";
    public static final String REQUIRE_ENV = "OPALE_REQUIRE_KEYCLOAK";
    public static final String JAVA_HOME_ENV = "OPALE_TEST_KEYCLOAK_JAVA_HOME";
    public static final String HOME_PROPERTY = "opale.keycloak.home";
    /** Keycloak's administrator (master realm) on a server the harness starts; for looking around by hand. */
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "opale-essai-admin";
    /** Generous: a quiet 2-core machine starts it in about 30 s, a crowded one took six minutes. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(10);
    private static final int JAVA_VERSION = 21;

    private static Availability shared;

    private final URI url;

    private KeycloakServer(URI url) {
        this.url = url;
    }

    /**
     * The server, started or reached on first call.
     *
     * @throws org.opentest4j.TestAbortedException (the test is skipped) when Keycloak or its Java is missing and
     *                                             {@value #REQUIRE_ENV} is not {@code true}
     * @throws IllegalStateException               when it is missing but required, or failed to start or answer
     */
    public static KeycloakServer shared() {
        Availability availability = availability();
        if (availability.missing() != null) {
            Assumptions.abort(availability.missing());
        }
        return availability.server();
    }

    /**
     * Starts or reaches the server once per JVM and says whether it is there; throws as {@link #shared()} does when
     * it must fail, but leaves skipping to the caller.
     */
    static synchronized Availability availability() {
        if (shared == null) {
            shared = connectOrStart();
        }
        if (shared.failure() != null) {
            throw new IllegalStateException(shared.failure());
        }
        if (shared.missing() != null && "true".equals(System.getenv(REQUIRE_ENV))) {
            throw new IllegalStateException(shared.missing() + " (" + REQUIRE_ENV + "=true)");
        }
        return shared;
    }

    /** {@code http://localhost:<port>}, without a trailing slash. */
    public URI url() {
        return url;
    }

    /** The realm's issuer, {@code <url>/realms/<name>}: what an OIDC client is configured with. */
    public String issuer(KeycloakRealm realm) {
        return url + "/realms/" + realm.realmName();
    }

    /** The realm's discovery document ({@code <issuer>/.well-known/openid-configuration}). */
    public URI discovery(KeycloakRealm realm) {
        return URI.create(issuer(realm) + "/.well-known/openid-configuration");
    }

    private static Availability connectOrStart() {
        String external = System.getenv(URL_ENV);
        if (external != null && !external.isBlank()) {
            return connect(URI.create(external.replaceAll("/+$", "")));
        }
        String home = System.getProperty(HOME_PROPERTY);
        if (home == null || !Files.isRegularFile(Path.of(home, "bin/kc.sh"))) {
            return Availability.missing("Keycloak absent (" + (home == null ? "propriété " + HOME_PROPERTY
                    + " non définie" : home + "/bin/kc.sh introuvable")
                    + ") : lancez les tests par Maven, qui le dépaquette (mvn -pl opale-access generate-test-resources)");
        }
        JavaRuntimes.Found java = JavaRuntimes.find(JAVA_VERSION, JAVA_HOME_ENV);
        return java.javaHome()
                .map(javaHome -> start(Path.of(home), javaHome))
                .orElseGet(() -> Availability.missing("Keycloak ne peut démarrer : " + java.missing()));
    }

    private static Availability connect(URI url) {
        Optional<String> pid = Optional.ofNullable(System.getenv(PID_ENV)).map(String::strip).filter(p -> !p.isEmpty());
        Optional<ProcessHandle> owner = pid.flatMap(p -> ProcessHandle.of(Long.parseLong(p)));
        if (pid.isPresent() && owner.isEmpty()) {
            return Availability.failed("le Keycloak de " + URL_ENV + "=" + url + " est arrêté (" + PID_ENV + "="
                    + pid.get() + ") ; journal : " + System.getenv(LOG_ENV));
        }
        BooleanSupplier alive = () -> owner.map(ProcessHandle::isAlive).orElse(true);
        long start = System.nanoTime();
        Availability ready = awaitRealms(url, alive, () -> URL_ENV + "=" + url + ", journal : " + System.getenv(LOG_ENV));
        if (ready.server() != null) {
            System.err.printf("Keycloak de %s prêt après %d s d'attente%n", URL_ENV,
                    Duration.ofNanos(System.nanoTime() - start).toSeconds());
        }
        return ready;
    }

    private static Availability start(Path home, Path javaHome) {
        long start = System.nanoTime();
        KeycloakProcess process;
        try {
            process = KeycloakProcess.start(home, javaHome,
                    Arrays.stream(KeycloakRealm.values()).map(KeycloakRealm::resource).toList(),
                    Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME,
                            "KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD));
        } catch (IOException | RuntimeException e) {
            return Availability.failed("Keycloak n'a pas pu être préparé : " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Availability.failed("interrompu pendant la préparation de Keycloak");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::stop, "keycloak-stop"));
        Availability ready = awaitRealms(process.url(), process::isAlive,
                () -> "journal : " + process.log() + "\n" + KeycloakProcess.tail(process.log()));
        if (ready.server() != null) {
            System.err.printf("Keycloak prêt sur %s en %d s (Java %s, journal %s)%n", process.url(),
                    Duration.ofNanos(System.nanoTime() - start).toSeconds(), javaHome, process.log());
        } else {
            process.stop();
        }
        return ready;
    }

    /** Waits until every realm's discovery document answers 200, the server dies, or the time limit passes. */
    private static Availability awaitRealms(URI url, BooleanSupplier alive, Supplier<String> diagnosis) {
        KeycloakServer server = new KeycloakServer(url);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        List<KeycloakRealm> waiting = new ArrayList<>(List.of(KeycloakRealm.values()));
        try {
            while (!waiting.isEmpty()) {
                if (!alive.getAsBoolean()) {
                    return Availability.failed("Keycloak s'est arrêté avant d'être prêt ; " + diagnosis.get());
                }
                if (System.nanoTime() > deadline) {
                    return Availability.failed("Keycloak sans réponse pour " + waiting + " après "
                            + READY_TIMEOUT.toMinutes() + " min ; " + diagnosis.get());
                }
                if (answers(http, server.discovery(waiting.get(0)))) {
                    waiting.remove(0);
                } else {
                    Thread.sleep(500);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Availability.failed("interrompu en attendant Keycloak");
        }
        return Availability.ready(server);
    }

    private static boolean answers(HttpClient http, URI uri) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet, or busy importing
        }
    }

    /** The server, or why there is none: a missing tool (skip unless required) or a failure. */
    record Availability(KeycloakServer server, String missing, String failure) {
        static Availability ready(KeycloakServer server) {
            return new Availability(server, null, null);
        }

        static Availability missing(String why) {
            return new Availability(null, why, null);
        }

        static Availability failed(String why) {
            return new Availability(null, null, why);
        }
    }
}
