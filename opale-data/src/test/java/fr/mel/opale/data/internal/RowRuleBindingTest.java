package fr.mel.opale.data.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mel.opale.access.ReaderAttributes;
import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import fr.mel.opale.data.DataProblem;
import fr.mel.opale.data.DatasetVersion;
import fr.mel.opale.data.VersionStatus;
import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.data.filter.Filter.ComparisonOperator;
import fr.mel.opale.data.filter.Operand;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reader's values replace a row rule's reader attributes as literals, typed for the column they meet. */
class RowRuleBindingTest {
    private static final DatasetVersion VERSION = new DatasetVersion("d", 1, "ds_d_v1", VersionStatus.READY, 0,
            List.of(Column.of("code_insee", ColumnType.TEXT), Column.of("insee_num", ColumnType.INTEGER),
                    Column.of("auteur", ColumnType.INTEGER), Column.of("nom", ColumnType.TEXT)),
            null, null, null, Instant.EPOCH, null, null);
    private static final Operand.Property INSEE = new Operand.Property(ReaderAttributes.INSEE);
    private static final Operand.Property PERSON = new Operand.Property(ReaderAttributes.PERSON);

    private static ReaderAttributes reader(List<Object> insee, List<Object> person) {
        return new ReaderAttributes(Map.of(ReaderAttributes.INSEE, insee, ReaderAttributes.ORGANISATIONS, List.of(),
                ReaderAttributes.PROJECTS, List.of(), ReaderAttributes.PERSON, person));
    }

    private static Filter in(String column, Operand... list) {
        return new Filter.In(new Operand.Property(column), List.of(list));
    }

    @Test
    void inListTakesTheReadersValuesTypedForTheColumn() {
        ReaderAttributes reader = reader(List.of("59350", "2A004"), List.of(7L));
        assertThat(RowRuleBinding.bind(in("code_insee", INSEE), VERSION, reader)).isEqualTo(in("code_insee",
                new Operand.Literal("59350"), new Operand.Literal("2A004")));
        // an integer column: codes read as numbers, a code that is not a number matches no row
        assertThat(RowRuleBinding.bind(in("insee_num", INSEE, new Operand.Literal(1L)), VERSION, reader))
                .isEqualTo(in("insee_num", new Operand.Literal(59350L), new Operand.Literal(1L)));
    }

    @Test
    void aReaderWithoutValuesMatchesNoRow() {
        ReaderAttributes nobody = reader(List.of(), List.of());
        assertThat(RowRuleBinding.bind(in("code_insee", INSEE), VERSION, nobody)).isEqualTo(new Filter.Constant(false));
        assertThat(RowRuleBinding.bind(new Filter.Comparison(new Operand.Property("auteur"), ComparisonOperator.EQ,
                PERSON), VERSION, nobody)).isEqualTo(new Filter.Constant(false));
    }

    @Test
    void aNegatedReaderAttributeIsRefusedSinceAReaderWithoutValuesWouldSeeEveryRow() {
        ReaderAttributes nobody = reader(List.of(), List.of());
        assertThatThrownBy(() -> RowRuleBinding.bind(new Filter.Not(in("code_insee", INSEE)), VERSION, nobody))
                .hasMessageContaining("nier un attribut du lecteur");
        // a negation of the row's own columns stays allowed
        Filter own = new Filter.Not(new Filter.Comparison(new Operand.Property("code_insee"), ComparisonOperator.EQ,
                new Operand.Literal("59350")));
        assertThat(RowRuleBinding.bind(own, VERSION, nobody)).isEqualTo(own);
    }

    @Test
    void equalityAndInequalityBecomeInAndNotIn() {
        ReaderAttributes reader = reader(List.of("59350"), List.of(7L));
        Filter mine = new Filter.Comparison(PERSON, ComparisonOperator.EQ, new Operand.Property("auteur"));
        assertThat(RowRuleBinding.bind(mine, VERSION, reader)).isEqualTo(in("auteur", new Operand.Literal(7L)));
        Filter others = new Filter.Comparison(new Operand.Property("code_insee"), ComparisonOperator.NE, INSEE);
        assertThat(RowRuleBinding.bind(new Filter.Or(List.of(others, new Filter.Constant(false))), VERSION, reader))
                .isEqualTo(new Filter.Or(List.of(new Filter.Not(in("code_insee", new Operand.Literal("59350"))),
                        new Filter.Constant(false))));
    }

    @Test
    void unknownOrMisplacedReaderAttributesAreRefusedInFrench() {
        ReaderAttributes reader = reader(List.of("59350"), List.of(7L));
        assertThatThrownBy(() -> RowRuleBinding.bind(in("code_insee", new Operand.Property("reader.siret")), VERSION,
                reader)).isInstanceOf(DataProblem.class).hasMessageContaining("reader.siret");
        assertThatThrownBy(() -> RowRuleBinding.bind(new Filter.Like(new Operand.Property("nom"), INSEE), VERSION,
                reader)).isInstanceOf(DataProblem.class).hasMessageContaining("ne peut figurer que");
        assertThatThrownBy(() -> RowRuleBinding.bind(new Filter.Comparison(new Operand.Property("auteur"),
                ComparisonOperator.LT, PERSON), VERSION, reader)).isInstanceOf(DataProblem.class);
        // the reader on the left of IN: refused, not silently compared
        assertThatThrownBy(() -> RowRuleBinding.bind(new Filter.In(INSEE, List.of(new Operand.Literal("1"))), VERSION,
                reader)).isInstanceOf(DataProblem.class);
    }
}
