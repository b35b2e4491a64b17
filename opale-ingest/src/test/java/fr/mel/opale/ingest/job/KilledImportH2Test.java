package fr.mel.opale.ingest.job;

import fr.mel.opale.data.testing.CrashTestDatabase;

/** The kill test on the embedded default: an H2 file database, as {@code java -jar opale.jar} runs it. */
class KilledImportH2Test extends KilledImportContract {
    @Override
    CrashTestDatabase database() {
        return CrashTestDatabase.h2File(directory);
    }
}
