package fr.mel.opale.data.internal;

import fr.mel.opale.access.ReaderAttributes;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.DataProblem;
import fr.mel.opale.data.DatasetVersion;
import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.data.filter.Operand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds a row rule's reader attributes to one reader's values: {@code reader.x} becomes literals in the rule's
 * parse (never text put into SQL), which the ordinary CQL2 translator then writes as bound parameters. A reader
 * attribute may stand in an {@code IN} list ({@code code_insee IN reader.organisations.insee}) or on one side of
 * {@code =} / {@code <>}; a reader without a value (an anonymous visitor, a person in no commune) matches no row: an
 * empty {@code IN} list and a comparison with no value are false. Values meeting an integer column are read as
 * numbers ({@code 59350}), others as text.
 */
public final class RowRuleBinding {
    private final DatasetVersion version;
    private final ReaderAttributes reader;

    private RowRuleBinding(DatasetVersion version, ReaderAttributes reader) {
        this.version = version;
        this.reader = reader;
    }

    /**
     * The rule with {@code reader}'s values in place of its reader attributes.
     *
     * @throws DataProblem 400 for an unknown reader attribute or one where it has no meaning
     */
    public static Filter bind(Filter rule, DatasetVersion version, ReaderAttributes reader) {
        return new RowRuleBinding(version, reader).filter(rule);
    }

    private Filter filter(Filter filter) {
        if (filter instanceof Filter.And and) {
            return new Filter.And(and.operands().stream().map(this::filter).toList());
        } else if (filter instanceof Filter.Or or) {
            return new Filter.Or(or.operands().stream().map(this::filter).toList());
        } else if (filter instanceof Filter.Not not) {
            if (not.operand().toString().contains("Property[name=reader.")) {
                // a reader without values makes "x IN reader.…" false, so its negation would open every row to
                // anonymous visitors; "x <> reader.…" says the same safely (none for a reader without values)
                throw DataProblem.invalidRule("Une règle ne peut pas nier un attribut du lecteur (NOT … reader.…) : "
                        + "un lecteur sans valeur verrait toutes les lignes. Écrivez « colonne <> reader.… ».");
            }
            return new Filter.Not(filter(not.operand()));
        } else if (filter instanceof Filter.In in) {
            return in(in);
        } else if (filter instanceof Filter.Comparison comparison) {
            return comparison(comparison);
        }
        refuseReaderIn(filter.toString());
        return filter;
    }

    private Filter in(Filter.In in) {
        if (readerName(in.value()).isPresent()) {
            throw misplaced(readerName(in.value()).get());
        }
        List<Operand> list = new ArrayList<>();
        for (Operand item : in.list()) {
            Optional<String> name = readerName(item);
            if (name.isPresent()) {
                values(name.get(), in.value()).forEach(list::add);
            } else {
                list.add(item);
            }
        }
        return list.isEmpty() ? new Filter.Constant(false) : new Filter.In(in.value(), list);
    }

    private Filter comparison(Filter.Comparison comparison) {
        Optional<String> left = readerName(comparison.left());
        Optional<String> right = readerName(comparison.right());
        if (left.isEmpty() && right.isEmpty()) {
            return comparison;
        }
        if (left.isPresent() && right.isPresent()) {
            throw misplaced(left.get());
        }
        boolean equal = comparison.operator() == Filter.ComparisonOperator.EQ;
        if (!equal && comparison.operator() != Filter.ComparisonOperator.NE) {
            throw misplaced(left.orElseGet(right::get));
        }
        Operand other = left.isPresent() ? comparison.right() : comparison.left();
        List<Operand> values = values(left.orElseGet(right::get), other);
        if (values.isEmpty()) {
            return new Filter.Constant(false);
        }
        Filter in = new Filter.In(other, values);
        return equal ? in : new Filter.Not(in);
    }

    /** The attribute's values as literals typed for the column they meet. */
    private List<Operand> values(String name, Operand other) {
        boolean integer = other instanceof Operand.Property property && version.column(property.name())
                .map(c -> c.type() == ColumnType.INTEGER).orElse(false);
        List<Operand> literals = new ArrayList<>();
        for (Object value : reader.of(name)) {
            if (!integer) {
                literals.add(new Operand.Literal(value.toString()));
            } else if (value instanceof Long number) {
                literals.add(new Operand.Literal(number));
            } else {
                try {
                    literals.add(new Operand.Literal(Long.parseLong(value.toString())));
                } catch (NumberFormatException e) {
                    // a code that is not a number (2A004) cannot equal an integer column: no row for it
                }
            }
        }
        return literals;
    }

    private Optional<String> readerName(Operand operand) {
        if (operand instanceof Operand.Property property && ReaderAttributes.isReaderName(property.name())) {
            if (!ReaderAttributes.NAMES.contains(property.name())) {
                throw DataProblem.invalidRule("« " + property.name() + " » n'est pas un attribut du lecteur connu. "
                        + "Attributs possibles : " + String.join(", ", ReaderAttributes.NAMES.stream().sorted().toList())
                        + ".");
            }
            return Optional.of(property.name());
        }
        return Optional.empty();
    }

    /** Other predicates (LIKE, BETWEEN, spatial, temporal...) may not name the reader. */
    private static void refuseReaderIn(String predicate) {
        for (String name : ReaderAttributes.NAMES) {
            if (predicate.contains("Property[name=" + name + "]")) {
                throw misplaced(name);
            }
        }
        if (predicate.contains("Property[name=reader.")) {
            throw DataProblem.invalidRule("Un attribut du lecteur inconnu figure dans la règle. Attributs possibles : "
                    + String.join(", ", ReaderAttributes.NAMES.stream().sorted().toList()) + ".");
        }
    }

    private static DataProblem misplaced(String name) {
        return DataProblem.invalidRule("L'attribut du lecteur « " + name + " » ne peut figurer que dans une liste IN "
                + "(colonne IN " + name + ") ou dans une égalité avec une colonne (colonne = " + name + ").");
    }
}
