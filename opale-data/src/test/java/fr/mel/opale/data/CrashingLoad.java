package fr.mel.opale.data;

import fr.mel.opale.access.AccessPolicy;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The process {@link CrashRecoveryContract} kills: boots the data store on the database given as Spring arguments,
 * loads a first version of 1 000 rows, then a second one that never ends, telling its parent on stdout where it is
 * ({@code CRASH-TEST READY <datasetId>}, then {@code CRASH-TEST ROWS <n>} every 10 000 rows).
 */
public final class CrashingLoad {
    static final String PREFIX = "CRASH-TEST ";
    static final long FIRST_VERSION_ROWS = 1000;

    private CrashingLoad() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DataStoreContract.DataTestApplication.class)
                .properties("server.port=0").run(args); // a real server: access needs the web stack
        AccessPolicy policy = context.getBean(AccessPolicy.class);
        Datasets datasets = context.getBean(Datasets.class);
        policy.asPlatform(() -> {
            Dataset dataset = datasets.create("Jeu interrompu", null);
            LoadResult first = datasets.load(dataset.id(), TestRows.SCHEMA, TestRows.generated("v1", FIRST_VERSION_ROWS),
                    LoadOptions.defaults());
            if (!first.succeeded()) {
                throw new IllegalStateException("First version failed: " + first);
            }
            out.println(PREFIX + "READY " + dataset.id());
            return datasets.load(dataset.id(), TestRows.SCHEMA, TestRows.generated("v2", Long.MAX_VALUE),
                    LoadOptions.defaults().withProgress(rows -> out.println(PREFIX + "ROWS " + rows)));
        });
        out.println(PREFIX + "UNEXPECTED END");
        System.exit(1);
    }
}
