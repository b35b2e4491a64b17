package fr.mel.opale.ingest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.ingest.ColumnType;
import org.junit.jupiter.api.Test;

/**
 * What a read once keeps for a late widening: only integer and date columns keep their misfits, and all columns
 * together keep no more than their budget — past it, a column that has one more cell to keep stops keeping (a
 * widening of it then reads the file again), while one that had kept all of its own stays complete.
 */
class KeptCellsTest {

    @Test
    void onlyIntegerAndDateColumnsKeepTheirCells() {
        KeptCells kept = new KeptCells(5);
        ColumnType[] types = {ColumnType.INTEGER, ColumnType.DATE, ColumnType.DECIMAL, ColumnType.BOOLEAN,
            ColumnType.TIMESTAMP};
        for (int column = 0; column < types.length; column++) {
            kept.keep(1, column, types[column], "nd");
            kept.keep(2, column, types[column], "-");
        }
        assertThat(kept.size(0)).isEqualTo(2);
        assertThat(kept.raw(0, 1)).isEqualTo("-");
        assertThat(kept.row(0, 1)).isEqualTo(2);
        assertThat(kept.size(1)).isEqualTo(2);
        for (int column = 2; column < types.length; column++) {
            assertThat(kept.size(column)).as(types[column].name()).isZero();
        }
    }

    @Test
    void pastTheBudgetAColumnWithOneMoreCellStopsKeeping() {
        long cell = "nd".length() + KeptCells.CELL_COST;
        KeptCells kept = new KeptCells(3, 10 * cell);
        for (long row = 1; row <= 4; row++) {
            kept.keep(row, 0, ColumnType.INTEGER, "nd");
        }
        for (long row = 1; row <= 6; row++) {
            kept.keep(row, 1, ColumnType.DATE, "nd");
        }
        assertThat(kept.complete(0)).isTrue();
        assertThat(kept.complete(1)).isTrue();
        assertThat(kept.size(1)).isEqualTo(6);

        kept.keep(7, 2, ColumnType.INTEGER, "nd");
        assertThat(kept.complete(2)).as("the budget spent by the others").isFalse();
        kept.keep(8, 2, ColumnType.INTEGER, "12,5");
        assertThat(kept.complete(2)).isFalse();
        assertThat(kept.complete(0)).as("all of its own kept").isTrue();
        assertThat(kept.size(0)).isEqualTo(4);

        kept.keep(7, 1, ColumnType.DATE, "nd");
        assertThat(kept.complete(1)).isFalse();
        // what the stopped column held is given back: the first column may keep as many more
        for (long row = 5; row <= 10; row++) {
            kept.keep(row, 0, ColumnType.INTEGER, "nd");
        }
        assertThat(kept.complete(0)).isTrue();
        assertThat(kept.size(0)).isEqualTo(10);
    }
}
