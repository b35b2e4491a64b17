package fr.mel.opale.testing;

import org.junit.jupiter.api.Assumptions;
import org.opentest4j.AssertionFailedError;

/**
 * Something a test needs from outside the repository — the shared third-party files, a command-line client, a
 * browser — and the environment variable that says it must be there. Missing, it skips the calling test with the
 * reason (a developer's machine may lack it), or <em>fails</em> it where its {@code OPALE_REQUIRE_*} variable is
 * {@code true}: CI sets them, so that a check that did not run can never pass for one that did.
 */
public enum Prerequisite {
    /** The shared real-world files ({@code ../shared/data}), read through {@link SharedTestData}. */
    SHARED_DATA("OPALE_REQUIRE_SHARED_DATA", "placez le dossier partagé à côté du dépôt (../shared/data) ou passez "
            + "-Dopale.shared.dir=<dossier contenant data/>"),
    /**
     * The files published with the OGC CQL2 standard ({@code ../shared/data/ogc-cql2}): a flag of their own, as they
     * are not in the shared folder yet (their skips are listed in {@code .ci/allowed-skips.txt} meanwhile).
     */
    CQL2_EXAMPLES("OPALE_REQUIRE_CQL2_EXAMPLES", "ajoutez les fichiers d'exemples de la norme OGC CQL2 (21-065) "
            + "dans ../shared/data/ogc-cql2 (voir opale-ogcapi/README.md)"),
    /** GDAL's command-line tools and OWSLib, independent OGC clients (see {@link ExternalTools}). */
    OGC_CLIENTS("OPALE_REQUIRE_OGC_CLIENTS", "apt-get install gdal-bin python3-owslib"),
    /** Debian's Chromium and its driver, for the browser tests (see {@link ExternalTools}). */
    BROWSER("OPALE_REQUIRE_BROWSER", "apt-get install chromium chromium-driver");

    private final String flag;
    private final String howToGet;

    Prerequisite(String flag, String howToGet) {
        this.flag = flag;
        this.howToGet = howToGet;
    }

    /** The environment variable that turns a skip into a failure, e.g. {@code OPALE_REQUIRE_SHARED_DATA}. */
    public String flag() {
        return flag;
    }

    /** Whether this run must fail rather than skip when it is missing ({@link #flag()} is {@code true}). */
    public boolean required() {
        return "true".equals(System.getenv(flag));
    }

    /**
     * Ends the calling test because {@code what} is missing: an assertion failure naming it and how to get it when
     * {@link #required()}, else a skip (JUnit's aborted test) with the same words. Never returns.
     *
     * @param what what is missing, e.g. "fichier partagé absent : /…/data/csv/rephytox.csv"
     */
    public AssertionError missing(String what) {
        String reason = what + " — pour l'obtenir : " + howToGet;
        if (required()) {
            throw new AssertionFailedError(reason + " (" + flag + "=true : ce test ne peut pas être ignoré)");
        }
        Assumptions.abort(reason + " : test ignoré (il échouerait avec " + flag + "=true)");
        throw new AssertionError("unreachable");
    }

    /** {@link #missing(String)} unless {@code present}. */
    public void check(boolean present, String what) {
        if (!present) {
            throw missing(what);
        }
    }
}
