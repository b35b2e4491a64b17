package fr.mel.opale.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.data.Dataset;
import fr.mel.opale.testing.OnPostgis;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The download contract on PostGIS with partitioned version tables, 25 rows a partition (the items contract's
 * setting, so one Spring context serves both): the 250-row geographic collection comes from ten partitions, so the
 * whole-collection CSV, French-Excel CSV and GeoJSON files, the sorted one, and the GeoPackage, XLSX and Shapefile
 * selections (codes 10 to 40) read across partition boundaries; the small collections stay plain tables.
 */
@OnPostgis
@TestPropertySource(properties = PartitionedVersions.TWENTY_FIVE_ROWS)
class DownloadPartitionedPostgisTest extends DownloadContract {
    /**
     * The streamed collection here: 48 partitions of 25 rows, more than one fetch of the database cursor (1 000). Not
     * the plain runs' 100 000 rows, which would make 4 000 partitions; streaming that many is their job.
     */
    private static final int STREAMED_ROWS = 1_200;

    @Test
    void theGeographicCollectionIsServedFromTenPartitionsAndTheSmallOnesFromPlainTables() throws Exception {
        assertThat(PartitionedVersions.of(dataSource, datasets, policy, geo)).hasSize(10);
        assertThat(PartitionedVersions.of(dataSource, datasets, policy, table)).isEmpty();
    }

    @Override
    @Test
    void aLargeCollectionIsStreamedToTheEnd() throws Exception {
        Dataset large = largeCollection(STREAMED_ROWS);
        assertThat(PartitionedVersions.of(dataSource, datasets, policy, large.slug())).hasSize(48);
        assertStreamedToTheEnd(large, STREAMED_ROWS);
    }
}
