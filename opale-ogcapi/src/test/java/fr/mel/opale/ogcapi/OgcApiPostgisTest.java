package fr.mel.opale.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.mel.opale.ogcapi.crs.SupportedCrs;
import fr.mel.opale.testing.OnPostgis;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

@OnPostgis
class OgcApiPostgisTest extends OgcApiContract {
    /** Our Lambert-93 transform against PostGIS's own {@code ST_Transform}: only PostGIS has one to compare with. */
    @Test
    void lambert93MatchesPostgisStTransform() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            for (double[] point : new double[][] {{3.0573, 50.6292}, {2.3522, 48.8566}, {-1.5536, 47.2184}}) {
                try (PreparedStatement statement = connection.prepareStatement("SELECT ST_X(p), ST_Y(p) FROM "
                        + "(SELECT ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4326), 2154) AS p) t")) {
                    statement.setDouble(1, point[0]);
                    statement.setDouble(2, point[1]);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        Geometry ours = SupportedCrs.EPSG_2154.fromStorage(new GeometryFactory()
                                .createPoint(new Coordinate(point[0], point[1])));
                        assertThat(ours.getCoordinate().x).isCloseTo(rows.getDouble(1), within(0.01));
                        assertThat(ours.getCoordinate().y).isCloseTo(rows.getDouble(2), within(0.01));
                    }
                }
            }
        }
    }
}
