package fr.mel.opale.data.internal.filter;

import fr.mel.opale.data.DataProblem;
import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.data.filter.Operand;
import org.locationtech.jts.geom.Geometry;

/**
 * CQL2's spatial functions ({@code S_INTERSECTS}... with OGC Simple Features semantics) as the engines' {@code ST_*}
 * functions (H2's are {@code H2SpatialFunctions}, under PostGIS's names). Every relation but disjoint implies that
 * the boxes meet: on PostGIS the function itself adds {@code &&} for the spatial index (and estimates it once); on H2
 * {@code &&} is written first for its index to pre-select rows. Two literals are compared here,
 * in Java; a table without geometry answers unknown (null), as SQL does of a null geometry.
 *
 * <p>The one place where a spatial predicate's SQL is written: a change of strategy (index operator, prepared
 * geometries) belongs here.
 */
final class SpatialSql {
    private final Typing typing;
    private final FilterDialect dialect;

    SpatialSql(Typing typing, FilterDialect dialect) {
        this.typing = typing;
        this.dialect = dialect;
    }

    void write(Filter.Spatial spatial, SqlText out) {
        Operand left = spatial.left();
        Operand right = spatial.right();
        if (typing.kindOf(left) != Typing.Kind.GEOMETRY || typing.kindOf(right) != Typing.Kind.GEOMETRY) {
            throw DataProblem.invalidQuery("Les fonctions spatiales comparent des géométries (la propriété "
                    + Operand.GEOMETRY + " ou un littéral WKT/GeoJSON).");
        }
        boolean leftLiteral = Typing.isLiteral(left);
        boolean rightLiteral = Typing.isLiteral(right);
        if (leftLiteral && rightLiteral) {
            Geometry a = ((Operand.GeometryLiteral) left).geometry();
            Geometry b = ((Operand.GeometryLiteral) right).geometry();
            out.append(evaluate(spatial.operator(), a, b) ? "TRUE" : "FALSE");
            return;
        }
        if (!typing.geographic()) {
            out.append("CAST(NULL AS BOOLEAN)");
            return;
        }
        out.append('(');
        if (spatial.operator() != Filter.SpatialOperator.DISJOINT && !dialect.spatialFunctionsIndexed()) {
            geometry(left, out);
            out.append(" && ");
            geometry(right, out);
            out.append(" AND ");
        }
        out.append(function(spatial.operator())).append('(');
        geometry(left, out);
        out.append(", ");
        geometry(right, out);
        out.append("))");
    }

    static String function(Filter.SpatialOperator operator) {
        return switch (operator) {
            case INTERSECTS -> "ST_Intersects";
            case EQUALS -> "ST_Equals";
            case DISJOINT -> "ST_Disjoint";
            case TOUCHES -> "ST_Touches";
            case WITHIN -> "ST_Within";
            case OVERLAPS -> "ST_Overlaps";
            case CROSSES -> "ST_Crosses";
            case CONTAINS -> "ST_Contains";
        };
    }

    private static void geometry(Operand operand, SqlText out) {
        if (operand instanceof Operand.GeometryLiteral literal) {
            out.bindGeometry(literal.geometry());
        } else {
            out.append("\"geom\"");
        }
    }

    static boolean evaluate(Filter.SpatialOperator operator, Geometry a, Geometry b) {
        return switch (operator) {
            case INTERSECTS -> a.intersects(b);
            case EQUALS -> a.equalsTopo(b);
            case DISJOINT -> a.disjoint(b);
            case TOUCHES -> a.touches(b);
            case WITHIN -> a.within(b);
            case OVERLAPS -> a.overlaps(b);
            case CROSSES -> a.crosses(b);
            case CONTAINS -> a.contains(b);
        };
    }
}
