package fr.mel.opale.ogcapi.filter;

import fr.mel.opale.testing.Prerequisite;
import fr.mel.opale.testing.SharedTestData;
import java.nio.file.Path;

/**
 * The files published with the OGC CQL2 standard (21-065) that the standard tables read: its examples in both
 * encodings, the predicate tables of its abstract test suite (Annex A, expected counts included) and its test
 * dataset (natural-earth countries, places and rivers in a GeoPackage). Third-party data, so they live in the shared
 * data folder ({@code data/ogc-cql2}, see its README), not in this repository. They are not there yet: absent, the
 * tests are skipped (and listed in {@code .ci/allowed-skips.txt}), except under
 * {@code OPALE_REQUIRE_CQL2_EXAMPLES=true}, where they fail ({@link Prerequisite#CQL2_EXAMPLES}).
 */
final class StandardCql2Files {
    private StandardCql2Files() {
    }

    /** {@code data/ogc-cql2} of the shared folder. */
    static Path dir() {
        return SharedTestData.file(Prerequisite.CQL2_EXAMPLES, "ogc-cql2");
    }
}
