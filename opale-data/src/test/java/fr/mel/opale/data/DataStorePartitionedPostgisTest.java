package fr.mel.opale.data;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.testing.OnPostgis;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole data-store contract on PostGIS with partitioned version tables: 200 rows a partition, so the contract's
 * generated loads of 400 rows or more (they say how many rows come) spread over several partitions — paging,
 * filters, boxes, versions, roll-backs and clean-ups cross partition boundaries — while its smaller ones stay plain
 * tables. (Two rows a partition made thousands of tables, more than one transaction can lock to drop the schema.)
 */
@OnPostgis
@TestPropertySource(properties = "opale.data.partition-rows=200")
class DataStorePartitionedPostgisTest extends DataStoreContract {
    @Test
    void aLargeLoadIsPartitionedAndEachPartitionIndexed() {
        org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        Dataset dataset = newDataset();
        LoadResult result = load(dataset, "p", 700);
        assertThat(result.succeeded()).as(String.valueOf(result.cause())).isTrue();
        String table = result.version().tableName();
        List<String> partitions = jdbc.queryForList("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = "
                + "i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = ? ORDER BY c.relname",
                String.class, table);
        assertThat(partitions).containsExactly(table + "_p1", table + "_p2", table + "_p3", table + "_p4");
        for (String partition : partitions) {
            assertThat(jdbc.queryForList("SELECT indexdef FROM pg_indexes WHERE tablename = ?", String.class,
                    partition)).anyMatch(d -> d.contains("UNIQUE") && d.contains("(_fid)"))
                    .anyMatch(d -> d.contains("USING gist (geom)"));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_stats WHERE tablename = ?", Long.class, partition))
                    .as("statistics of %s", partition).isPositive();
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_constraint WHERE conrelid = ?::regclass "
                + "AND contype = 'p'", Long.class, table)).isEqualTo(1);
    }
}
