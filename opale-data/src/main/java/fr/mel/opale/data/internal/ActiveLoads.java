package fr.mel.opale.data.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** The version tables this process is loading right now: the cleanup never touches them. */
@Component
public class ActiveLoads {
    private final Set<String> tables = ConcurrentHashMap.newKeySet();

    void add(String table) {
        tables.add(table);
    }

    void remove(String table) {
        tables.remove(table);
    }

    public boolean contains(String table) {
        return tables.contains(table);
    }
}
