package fr.mel.opale.data.internal;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The only way names of dataset tables are made and recognised. Every part comes from Opale (generated dataset ids,
 * version numbers), and every name is checked against {@link #TABLE} before it is put in SQL, so user text never
 * becomes an identifier.
 */
public final class TableNames {
    /** Dataset ids: 12 characters from a-z0-9 (random, so they cannot be enumerated). */
    public static final Pattern DATASET_ID = Pattern.compile("[a-z0-9]{12}");
    /** Tables of dataset versions: what the start-up cleanup may drop, and nothing else. */
    public static final Pattern TABLE = Pattern.compile("ds_([a-z0-9]{12})_v([0-9]{1,9})");
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private TableNames() {
    }

    public static String newDatasetId() {
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    public static String table(String datasetId, int version) {
        String name = "ds_" + datasetId + "_v" + version;
        return checked(name);
    }

    /** The name itself, or an exception if it is not a dataset table name (defence in depth before SQL). */
    public static String checked(String table) {
        if (!TABLE.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a dataset table name: " + table);
        }
        return table;
    }

    /** A checked identifier, double-quoted (lower-case names stay lower-case on H2, reserved words stay usable). */
    public static String quote(String identifier) {
        if (!identifier.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("Unsafe identifier: " + identifier);
        }
        return '"' + identifier + '"';
    }
}
