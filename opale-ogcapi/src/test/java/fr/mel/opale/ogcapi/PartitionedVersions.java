package fr.mel.opale.ogcapi;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.data.Datasets;
import fr.mel.opale.data.ResolvedSlug;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * For the contracts run on PostGIS with partitioned version tables: the partitions a collection is really served
 * from, so that each such test asserts it is not passing on a plain table.
 */
public final class PartitionedVersions {
    /**
     * 25 rows a partition: the 250-row geographic collection of {@link TestCollections} spans ten partitions, its
     * 25-row table and 3-row hidden collection stay plain. One constant for the items and download contracts: same
     * properties, one Spring context for both.
     */
    public static final String TWENTY_FIVE_ROWS = "opale.data.partition-rows=25";

    private PartitionedVersions() {
    }

    /**
     * The partitions of the collection's served version table, in {@code _fid} order ({@code <table>_p1},
     * {@code _p2}...); empty when that table is a plain one.
     *
     * @throws java.util.NoSuchElementException when no collection answers to {@code slug} or it has no version
     */
    public static List<String> of(DataSource dataSource, Datasets datasets, AccessPolicy policy, String slug)
            throws SQLException {
        String table = policy.asPlatform(() -> datasets.resolve(slug).map(ResolvedSlug::dataset)
                .flatMap(d -> datasets.currentVersion(d.id()))).orElseThrow().tableName();
        // Level 1 of the tree holds the partitions themselves; a plain table is a tree of one, alone at level 0.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("SELECT array_agg(relid::regclass::text "
                     + "ORDER BY length(relid::regclass::text), relid::regclass::text) FROM "
                     + "pg_partition_tree(?::regclass) WHERE level = 1")) {
            statement.setString(1, table);
            try (ResultSet result = statement.executeQuery()) {
                result.next(); // an aggregate: one row, NULL when no partition
                Array partitions = result.getArray(1);
                return partitions == null ? List.of() : List.of((String[]) partitions.getArray());
            }
        }
    }
}
