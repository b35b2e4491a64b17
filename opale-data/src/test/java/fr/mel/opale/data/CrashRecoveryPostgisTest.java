package fr.mel.opale.data;

import fr.mel.opale.data.testing.CrashTestDatabase;
import fr.mel.opale.testing.PostgisTestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The crash test on PostgreSQL + PostGIS, in a schema of its own, when {@code OPALE_TEST_PG_URL} is set. */
@EnabledIfEnvironmentVariable(named = PostgisTestDatabase.ENV, matches = ".+")
class CrashRecoveryPostgisTest extends CrashRecoveryContract {
    @Override
    CrashTestDatabase database() {
        return CrashTestDatabase.postgisSchema("t_crash_");
    }
}
