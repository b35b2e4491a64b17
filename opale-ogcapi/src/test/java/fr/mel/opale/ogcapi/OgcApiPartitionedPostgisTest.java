package fr.mel.opale.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.testing.OnPostgis;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole OGC API contract on PostGIS with partitioned version tables: 25 rows a partition, so the 250-row
 * geographic collection (its load says how many rows come, as an import does) is served from ten partitions — next
 * links and cursors, single items, bbox, CQL2 filters, sortby and {@code numberMatched} cross partition boundaries —
 * while the 25-row table and the 3-row hidden collection stay plain tables, served side by side.
 */
@OnPostgis
@TestPropertySource(properties = PartitionedVersions.TWENTY_FIVE_ROWS)
class OgcApiPartitionedPostgisTest extends OgcApiContract {
    @Test
    void theGeographicCollectionIsServedFromTenPartitionsAndTheSmallOnesFromPlainTables() throws Exception {
        assertThat(PartitionedVersions.of(dataSource, datasets, policy, geo)).hasSize(10)
                .first().asString().endsWith("_p1");
        assertThat(PartitionedVersions.of(dataSource, datasets, policy, table)).isEmpty();
        assertThat(PartitionedVersions.of(dataSource, datasets, policy, data.hidden.slug())).isEmpty();
    }

    @Test
    void featuresEitherSideOfAPartitionBoundaryAreFoundByIdBboxAndPage() {
        // Features 1–25 are in the first partition, 26–50 in the second.
        assertThat(ok("/ogcapi/collections/" + geo + "/items/25").get("properties").get("code").asLong())
                .isEqualTo(25);
        assertThat(ok("/ogcapi/collections/" + geo + "/items/26").get("properties").get("code").asLong())
                .isEqualTo(26);
        assertThat(matched("bbox=3.0235,50.5,3.0275,50.7")).isEqualTo(4); // features 24 to 27
        List<Long> ids = new ArrayList<>();
        items(geo, "offset=20&limit=10").get("features").forEach(f -> ids.add(f.get("id").asLong()));
        assertThat(ids).containsExactly(21L, 22L, 23L, 24L, 25L, 26L, 27L, 28L, 29L, 30L);
    }
}
