package fr.mel.opale.ingest.job;

import java.util.Map;

/** The kill test on the embedded default: an H2 file database, as {@code java -jar opale.jar} runs it. */
class KilledImportH2Test extends KilledImportContract {
    @Override
    Map<String, String> database() {
        return Map.of("spring.datasource.url", "jdbc:h2:file:" + directory.resolve("opale") + ";DB_CLOSE_ON_EXIT=FALSE",
                "spring.datasource.username", "sa", "spring.datasource.password", "");
    }
}
