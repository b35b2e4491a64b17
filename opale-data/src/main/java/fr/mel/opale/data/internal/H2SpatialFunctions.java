package fr.mel.opale.data.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * The spatial functions H2 lacks, as Java functions on JTS, registered under their PostGIS names so that SQL reads
 * the same on both engines (CQL2 translation adds its functions here). Re-registered at every start (drop, then
 * create): a database never keeps pointing at a method that moved.
 */
public final class H2SpatialFunctions {
    private H2SpatialFunctions() {
    }

    static void register(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP ALIAS IF EXISTS ST_INTERSECTS");
            statement.execute("CREATE ALIAS ST_INTERSECTS DETERMINISTIC FOR '"
                    + H2SpatialFunctions.class.getName() + ".intersects'");
        } catch (SQLException e) {
            throw new IllegalStateException("Fonctions spatiales H2 non enregistrées", e);
        }
    }

    /** PostGIS's {@code ST_Intersects}: false when either side is null. */
    public static boolean intersects(@Nullable Geometry a, @Nullable Geometry b) {
        return a != null && b != null && a.intersects(b);
    }
}
