package fr.mel.opale.data.filter;

import java.util.List;

/**
 * A boolean condition on features (CQL2's classes basic, advanced comparison, case/accent-insensitive, spatial and
 * temporal functions). Immutable values; build them with the records below.
 */
public sealed interface Filter {
    /** Every operand must hold; an empty list holds. */
    record And(List<Filter> operands) implements Filter {
        public And {
            operands = List.copyOf(operands);
        }
    }

    /** At least one operand holds; an empty list does not. */
    record Or(List<Filter> operands) implements Filter {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(Filter operand) implements Filter {
    }

    /** {@code TRUE} or {@code FALSE}. */
    record Constant(boolean value) implements Filter {
    }

    enum ComparisonOperator {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        public final String sql;

        ComparisonOperator(String sql) {
            this.sql = sql;
        }
    }

    record Comparison(Operand left, ComparisonOperator operator, Operand right) implements Filter {
    }

    /** CQL2 {@code LIKE}: {@code %} any characters, {@code _} one character, {@code \} escapes them. */
    record Like(Operand text, Operand pattern) implements Filter {
    }

    /** Inclusive at both ends, as SQL's. */
    record Between(Operand value, Operand low, Operand high) implements Filter {
    }

    record In(Operand value, List<Operand> list) implements Filter {
        public In {
            list = List.copyOf(list);
        }
    }

    record IsNull(Operand value) implements Filter {
    }

    enum SpatialOperator { INTERSECTS, EQUALS, DISJOINT, TOUCHES, WITHIN, OVERLAPS, CROSSES, CONTAINS }

    /** CQL2 {@code S_INTERSECTS(a, b)} and its siblings, with OGC Simple Features semantics. */
    record Spatial(SpatialOperator operator, Operand left, Operand right) implements Filter {
    }

    enum TemporalOperator {
        AFTER, BEFORE, CONTAINS, DISJOINT, DURING, EQUALS, FINISHEDBY, FINISHES, INTERSECTS, MEETS, METBY,
        OVERLAPPEDBY, OVERLAPS, STARTEDBY, STARTS
    }

    /**
     * CQL2 {@code T_BEFORE(a, b)} and its siblings (Allen's interval relations), on date or timestamp properties,
     * instants and {@link Operand.Interval intervals}.
     */
    record Temporal(TemporalOperator operator, Operand left, Operand right) implements Filter {
    }

    /** The conjunction of {@code parts}: the part itself when alone, always true when empty. */
    static Filter and(List<Filter> parts) {
        return parts.size() == 1 ? parts.get(0) : new And(parts);
    }
}
