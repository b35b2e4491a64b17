package fr.mel.opale.ingest.job;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.stereotype.Component;

/**
 * One lock per dataset: the data store does not serialise concurrent loads into the same dataset (both would get
 * a version number and the later switch would win), so jobs take turns here. Within this server only: a second
 * server sharing the database is not coordinated.
 */
@Component
class DatasetLocks {
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    ReentrantLock of(String datasetId) {
        return locks.computeIfAbsent(datasetId, id -> new ReentrantLock(true));
    }
}
