package fr.mel.opale.data.internal.filter;

import fr.mel.opale.data.DatasetVersion;
import fr.mel.opale.data.filter.Filter;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Translates a {@link Filter} into a parameterised SQL condition on one version table, for H2 or PostGIS: the boolean
 * structure here, each family of predicates in a translator of its own ({@link ComparisonSql}, {@link LikeSql},
 * {@link BetweenSql}, {@link InSql}, {@link FoldingSql}, {@link SpatialSql}, {@link TemporalSql}). Property names are
 * resolved against the version's columns (unknown = 400 naming it) and quoted; literals are checked against the
 * column they meet and bound as parameters, never written into the SQL. Not thread-safe: one instance per query.
 */
public final class FilterSql {
    /** Longest {@code IN} list accepted: bounds the statement a request can make the database parse. */
    public static final int MAX_IN_LIST = InSql.MAX_LIST;

    /** Binds one parameter at the given index. */
    @FunctionalInterface
    public interface Param {
        void bind(PreparedStatement statement, int index) throws SQLException;
    }

    /** A condition and its parameters, in order. */
    public record Where(String sql, List<Param> params) {
        public Where {
            params = List.copyOf(params);
        }

        /** Binds the parameters from {@code index}; returns the next free index. */
        public int bind(PreparedStatement statement, int index) throws SQLException {
            for (Param param : params) {
                param.bind(statement, index++);
            }
            return index;
        }
    }

    private final SqlText out;
    private final ComparisonSql comparisons;
    private final LikeSql likes;
    private final BetweenSql betweens;
    private final InSql ins;
    private final SpatialSql spatial;
    private final TemporalSql temporal;

    private FilterSql(DatasetVersion version, FilterDialect dialect) {
        Typing typing = new Typing(version);
        ScalarSql scalars = new ScalarSql(typing);
        this.out = new SqlText(dialect);
        this.comparisons = new ComparisonSql(scalars);
        this.likes = new LikeSql(scalars);
        this.betweens = new BetweenSql(scalars);
        this.ins = new InSql(scalars);
        this.spatial = new SpatialSql(typing, dialect);
        this.temporal = new TemporalSql(typing);
    }

    /** The SQL condition of {@code filter} on {@code version}'s table. */
    public static Where translate(Filter filter, DatasetVersion version, FilterDialect dialect) {
        FilterSql translation = new FilterSql(version, dialect);
        translation.filter(filter);
        return translation.out.where();
    }

    private void filter(Filter filter) {
        if (filter instanceof Filter.And and) {
            junction(and.operands(), " AND ", "TRUE");
        } else if (filter instanceof Filter.Or or) {
            junction(or.operands(), " OR ", "FALSE");
        } else if (filter instanceof Filter.Not not) {
            out.append("NOT (");
            filter(not.operand());
            out.append(')');
        } else if (filter instanceof Filter.Constant constant) {
            out.append(constant.value() ? "TRUE" : "FALSE");
        } else if (filter instanceof Filter.Comparison comparison) {
            comparisons.write(comparison, out);
        } else if (filter instanceof Filter.IsNull isNull) {
            comparisons.write(isNull, out);
        } else if (filter instanceof Filter.Like like) {
            likes.write(like, out);
        } else if (filter instanceof Filter.Between between) {
            betweens.write(between, out);
        } else if (filter instanceof Filter.In in) {
            ins.write(in, out);
        } else if (filter instanceof Filter.Spatial s) {
            spatial.write(s, out);
        } else if (filter instanceof Filter.Temporal t) {
            temporal.write(t, out);
        }
    }

    private void junction(List<Filter> operands, String operator, String empty) {
        if (operands.isEmpty()) {
            out.append(empty);
            return;
        }
        out.append('(');
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                out.append(operator);
            }
            filter(operands.get(i));
        }
        out.append(')');
    }
}
