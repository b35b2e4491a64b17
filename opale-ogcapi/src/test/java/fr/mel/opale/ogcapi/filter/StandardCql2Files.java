package fr.mel.opale.ogcapi.filter;

import fr.mel.opale.catalog.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The files published with the OGC CQL2 standard (21-065) that the standard tables read: its examples in both
 * encodings, the predicate tables of its abstract test suite (Annex A, expected counts included) and its test
 * dataset (natural-earth countries, places and rivers in a GeoPackage). Third-party data, so they live in the shared
 * data folder ({@code data/ogc-cql2}, see its README), not in this repository. Absent: the tests are skipped, except
 * under {@code OPALE_REQUIRE_CQL2_EXAMPLES=true}, where they fail.
 */
final class StandardCql2Files {
    static final String REQUIRE = "OPALE_REQUIRE_CQL2_EXAMPLES";

    private StandardCql2Files() {
    }

    /** {@code data/ogc-cql2} of the shared folder; skips (or fails, when required) when absent. */
    static Path dir() {
        Optional<Path> found = SharedData.find().map(shared -> shared.resolve("data").resolve("ogc-cql2"))
                .filter(Files::isDirectory);
        if (found.isEmpty() && "true".equals(System.getenv(REQUIRE))) {
            throw new IllegalStateException(REQUIRE + "=true mais data/ogc-cql2 est absent des données partagées");
        }
        Assumptions.assumeTrue(found.isPresent(), "Fichiers de la norme CQL2 absents (data/ogc-cql2) : test ignoré");
        return found.get();
    }
}
