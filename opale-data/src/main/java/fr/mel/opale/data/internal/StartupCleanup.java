package fr.mel.opale.data.internal;

import fr.mel.opale.data.DatasetVersion;
import fr.mel.opale.data.VersionStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Repairs what a stopped server (crash, kill, power cut) left in the data store, at every start:
 * <ul>
 *   <li>a version still LOADING whose loader is gone → its table dropped, the version FAILED with
 *       {@value #INTERRUPTED} (the dataset keeps serving its current version: the switch never happened);</li>
 *   <li>a {@code ds_<id>_v<n>} table that no READY version (nor a live load) owns → dropped.</li>
 * </ul>
 * Runs first among start-up runners, before demo content or scheduled imports start loading.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StartupCleanup implements ApplicationRunner {
    public static final String INTERRUPTED = "Import interrompu (arrêt du serveur)";
    private static final Logger LOG = LoggerFactory.getLogger(StartupCleanup.class);
    private final DataSource dataSource;
    private final DatasetRegistry registry;
    private final TableStore store;
    private final ActiveLoads active;

    public StartupCleanup(DataSource dataSource, DatasetRegistry registry, TableStore store, ActiveLoads active) {
        this.dataSource = dataSource;
        this.registry = registry;
        this.store = store;
        this.active = active;
    }

    @Override
    public void run(ApplicationArguments args) {
        Report report;
        try {
            report = cleanUp();
        } catch (RuntimeException e) {
            // Leftovers are never served (not READY, not current): serving the published data matters more than
            // tidying, which the next start retries.
            LOG.error("Nettoyage des jeux de données au démarrage impossible", e);
            return;
        }
        if (report.interrupted() + report.orphans() > 0) {
            LOG.warn("Nettoyage des jeux de données : {} import(s) interrompu(s) marqué(s) en échec, {} table(s) "
                    + "orpheline(s) supprimée(s)", report.interrupted(), report.orphans());
        }
    }

    /** What one cleanup did. */
    public record Report(int interrupted, int orphans) {
    }

    /** Safe to call at any time: loads running in this process or (PostgreSQL) in another server are left alone. */
    public Report cleanUp() {
        int interrupted = 0;
        int orphans = 0;
        try (Connection connection = dataSource.getConnection()) {
            Set<String> owned = new HashSet<>();
            for (DatasetVersion version : registry.versionsWithStatus(VersionStatus.LOADING)) {
                String table = version.tableName();
                if (active.contains(table) || !store.loadAbandoned(connection, table)) {
                    owned.add(table);
                    continue;
                }
                store.drop(connection, table);
                if (registry.finishVersion(version.datasetId(), version.number(), VersionStatus.FAILED,
                        version.rowCount(), version.geometry(), null, INTERRUPTED, Instant.now())) {
                    interrupted++;
                }
            }
            for (DatasetVersion version : registry.versionsWithStatus(VersionStatus.READY)) {
                owned.add(version.tableName());
            }
            List<String> tables = store.versionTables(connection);
            for (String table : tables) {
                // Re-checked one by one: a load of this process may have registered after the lists above were read.
                if (!owned.contains(table) && !active.contains(table) && !ownedNow(table)) {
                    store.drop(connection, table);
                    orphans++;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Nettoyage des jeux de données impossible", e);
        }
        return new Report(interrupted, orphans);
    }

    private boolean ownedNow(String table) {
        var match = TableNames.TABLE.matcher(table);
        if (!match.matches()) {
            return false;
        }
        return registry.version(match.group(1), Integer.parseInt(match.group(2)))
                .filter(v -> v.status() == VersionStatus.READY || v.status() == VersionStatus.LOADING)
                .isPresent();
    }
}
