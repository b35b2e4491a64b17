package fr.mel.opale.ogcapi.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.ogcapi.PartitionedVersions;
import fr.mel.opale.testing.OnPostgis;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The tiles contract on PostGIS with partitioned version tables. Its collections are tiny, so one row a partition:
 * the geographic collection's two points and detailed polygon each sit in a partition of their own, and a tile
 * showing several of them reads across partitions (each with its own spatial index); the one-row collections stay
 * plain tables. Three partitions in all, so a Spring context of its own costs no crowd of tables.
 */
@OnPostgis
@TestPropertySource(properties = "opale.data.partition-rows=1")
class TilesPartitionedPostgisTest extends TilesContract {

    @Test
    void theGeographicCollectionIsServedFromOnePartitionPerFeature() throws Exception {
        assertThat(PartitionedVersions.of(dataSource, datasets, policy, geo)).hasSize(3);
        assertThat(PartitionedVersions.of(dataSource, datasets, policy, table)).isEmpty();
    }
}
