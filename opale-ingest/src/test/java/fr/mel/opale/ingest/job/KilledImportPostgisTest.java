package fr.mel.opale.ingest.job;

import fr.mel.opale.data.testing.CrashTestDatabase;
import fr.mel.opale.testing.PostgisTestDatabase;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The kill test on PostgreSQL + PostGIS, in a schema of its own, when {@code OPALE_TEST_PG_URL} is set. */
@EnabledIfEnvironmentVariable(named = PostgisTestDatabase.ENV, matches = ".+")
class KilledImportPostgisTest extends KilledImportContract {
    @Override
    CrashTestDatabase database() {
        return CrashTestDatabase.postgisSchema("t_kill_");
    }
}
