package fr.mel.opale.data.internal;

import fr.mel.opale.data.internal.filter.TextFolding;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;

/**
 * The functions H2 lacks, registered as Java functions: the spatial ones on JTS under their PostGIS names so that SQL
 * reads the same on both engines ({@code ST_Intersects} for bbox queries and the eight relations of CQL2's spatial
 * functions), and the text foldings of CQL2's {@code CASEI} and {@code ACCENTI} ({@link TextFolding}, which PostgreSQL
 * runs as SQL). Re-registered at every start (drop, then create): a database never keeps pointing at a method that
 * moved. Each answers null when an argument is null, as PostgreSQL does, so that {@code NOT} treats missing values
 * alike on both engines.
 */
public final class H2Functions {
    /** SQL names of the text foldings. */
    static final String FOLD_CASE = "OPALE_FOLD_CASE";
    static final String FOLD_ACCENTS = "OPALE_FOLD_ACCENTS";
    /** SQL name → method of this class. */
    private static final Map<String, String> FUNCTIONS = Map.of(
            "ST_INTERSECTS", "intersects",
            "ST_EQUALS", "equalsTopologically",
            "ST_DISJOINT", "disjoint",
            "ST_TOUCHES", "touches",
            "ST_WITHIN", "within",
            "ST_OVERLAPS", "overlaps",
            "ST_CROSSES", "crosses",
            "ST_CONTAINS", "contains",
            FOLD_CASE, "foldCase",
            FOLD_ACCENTS, "foldAccents");

    private H2Functions() {
    }

    static void register(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> function : FUNCTIONS.entrySet()) {
                statement.execute("DROP ALIAS IF EXISTS " + function.getKey());
                statement.execute("CREATE ALIAS " + function.getKey() + " DETERMINISTIC FOR '"
                        + H2Functions.class.getName() + "." + function.getValue() + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Fonctions spatiales H2 non enregistrées", e);
        }
    }

    /** PostGIS's {@code ST_Intersects}. */
    public static @Nullable Boolean intersects(@Nullable Geometry a, @Nullable Geometry b) {
        return a == null || b == null ? null : a.intersects(b);
    }

    /** PostGIS's {@code ST_Equals}: same point set, whatever the vertex order. */
    public static @Nullable Boolean equalsTopologically(@Nullable Geometry a, @Nullable Geometry b) {
        return a == null || b == null ? null : a.equalsTopo(b);
    }

    public static @Nullable Boolean disjoint(@Nullable Geometry a, @Nullable Geometry b) {
        return a == null || b == null ? null : a.disjoint(b);
    }

    public static @Nullable Boolean touches(@Nullable Geometry a, @Nullable Geometry b) {
        return a == null || b == null ? null : a.touches(b);
    }

    public static @Nullable Boolean within(@Nullable Geometry a, @Nullable Geometry b) {
        return a == null || b == null ? null : a.within(b);
    }

    public static @Nullable Boolean overlaps(@Nullable Geometry a, @Nullable Geometry b) {
        return a == null || b == null ? null : a.overlaps(b);
    }

    public static @Nullable Boolean crosses(@Nullable Geometry a, @Nullable Geometry b) {
        return a == null || b == null ? null : a.crosses(b);
    }

    public static @Nullable Boolean contains(@Nullable Geometry a, @Nullable Geometry b) {
        return a == null || b == null ? null : a.contains(b);
    }

    /** CQL2's {@code CASEI}: {@link TextFolding#foldCase}. */
    public static @Nullable String foldCase(@Nullable String text) {
        return text == null ? null : TextFolding.foldCase(text);
    }

    /** CQL2's {@code ACCENTI}: {@link TextFolding#foldAccents}. */
    public static @Nullable String foldAccents(@Nullable String text) {
        return text == null ? null : TextFolding.foldAccents(text);
    }
}
