package fr.mel.opale.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mel.opale.geo.crs.Crs;
import fr.mel.opale.testing.SharedTestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The producer's corrections: names, types, skipped columns, geometry and CRS; re-reading applies them. */
class OverridesTest {
    @TempDir
    Path dir;

    private final TableReaders readers = TableReaders.standard();

    private Path file() throws IOException {
        return Files.writeString(dir.resolve("points.csv"), """
                Nom;Nb places;X;Y;Code
                Mairie;12;704000;7059000;A1
                Gare;abc;704100;7059100;B2
                Parc;;;;C3
                """);
    }

    @Test
    void lambert93XyIsGuessedFromRangesAndReprojected() throws IOException {
        Analysis a = readers.analyse(SourceFile.of(file()), ReadOptions.DEFAULT, ReadListener.NONE);
        assertThat(a.plan().geometry().kind()).isEqualTo(GeometrySource.XY);
        assertThat(a.plan().geometry().srid()).isEqualTo(Crs.LAMBERT_93);
        assertThat(a.column("nb_places").type()).isEqualTo(ColumnType.TEXT); // "abc"
        try (RowStream rows = readers.open(SourceFile.of(file()), a.plan(), Limits.DEFAULT, ReadListener.NONE)) {
            Row first = rows.next();
            assertThat(first.geometry().getCoordinate().x).isBetween(3.05, 3.06);
            assertThat(first.geometry().getSRID()).isEqualTo(4326);
            rows.next();
            assertThat(rows.next().geometry()).isNull();
            assertThat(rows.next()).isNull();
            assertThat(rows.summary().missingGeometries()).isEqualTo(1);
        }
    }

    @Test
    void renamedRetypedSkippedColumnsAndMisfitsBecomeNullsWithWarnings() throws IOException {
        Analysis a = readers.analyse(SourceFile.of(file()), ReadOptions.DEFAULT, ReadListener.NONE);
        Overrides overrides = Overrides.NONE
                .with("nb_places", new Overrides.ColumnOverride("Places", ColumnType.INTEGER, false))
                .with("Code", Overrides.ColumnOverride.skipped())
                .with("nom", Overrides.ColumnOverride.rename("Libellé du lieu"));
        ReadPlan plan = a.plan().apply(overrides);
        assertThat(plan.outputColumns()).extracting(ColumnPlan::name)
                .containsExactly("libelle_du_lieu", "places", "x", "y");
        assertThat(plan.outputColumns().get(0).label()).isEqualTo("Nom");
        try (RowStream rows = readers.open(SourceFile.of(file()), plan, Limits.DEFAULT, ReadListener.NONE)) {
            assertThat(rows.next().values()).containsExactly("Mairie", 12L, 704000L, 7059000L);
            assertThat(rows.next().values()[1]).isNull(); // "abc" does not fit INTEGER
            while (rows.next() != null) {
                // read to the end
            }
            ReadSummary summary = rows.summary();
            assertThat(summary.rejectedValues()).isEqualTo(1);
            ReadWarning w = summary.warnings().stream().filter(x -> x.code().equals("value-rejected")).findFirst()
                    .orElseThrow();
            assertThat(w.row()).isEqualTo(3);
            assertThat(w.column()).isEqualTo("Nb places");
            assertThat(w.message()).contains("abc", "entier");
        }
    }

    @Test
    void geometryAndCrsCanBeChosenOrRemoved() throws IOException {
        Analysis a = readers.analyse(SourceFile.of(file()), ReadOptions.DEFAULT, ReadListener.NONE);
        ReadPlan none = a.plan().apply(Overrides.NONE.withGeometry(Overrides.GeometryOverride.NONE));
        assertThat(none.geometry()).isNull();
        ReadPlan mercator = a.plan().apply(Overrides.NONE.withGeometry(
                new Overrides.GeometryOverride(GeometrySource.XY, List.of("x", "y"), 3857)));
        assertThat(mercator.geometry().srid()).isEqualTo(3857);
        try (RowStream rows = readers.open(SourceFile.of(file()), mercator, Limits.DEFAULT, ReadListener.NONE)) {
            assertThat(rows.next().geometry().getCoordinate().y).isBetween(53.0, 54.0); // 7059 km north in 3857
        }
        assertThatThrownBy(() -> a.plan().apply(Overrides.NONE.withGeometry(
                new Overrides.GeometryOverride(GeometrySource.XY, List.of("x", "inconnue"), null))))
                .isInstanceOfSatisfying(InvalidReadOptions.class, e -> assertThat(e.code()).isEqualTo("unknown-column"));
        assertThatThrownBy(() -> a.plan().apply(Overrides.NONE.with("x", Overrides.ColumnOverride.rename("Y"))))
                .isInstanceOfSatisfying(InvalidReadOptions.class,
                        e -> assertThat(e.code()).isEqualTo("duplicate-column-name"));
    }

    @Test
    void overridesGivenToTheAnalysisAreAppliedToItsPlan() throws IOException {
        ReadOptions options = ReadOptions.DEFAULT.withSourceSrid(3857)
                .withOverrides(Overrides.NONE.with("code", Overrides.ColumnOverride.skipped()));
        Analysis a = readers.analyse(SourceFile.of(file()), options, ReadListener.NONE);
        assertThat(a.plan().geometry().srid()).isEqualTo(3857);
        assertThat(a.plan().outputColumns()).extracting(ColumnPlan::name).doesNotContain("code");
    }

    @Test
    void rephytoxBoundsCanBeTurnedIntoPoints() {
        Path file = SharedTestData.file("csv/rephytox.csv");
        Analysis a = readers.analyse(SourceFile.of(file), ReadOptions.DEFAULT, ReadListener.NONE);
        ReadPlan plan = a.plan().apply(Overrides.NONE.withGeometry(new Overrides.GeometryOverride(GeometrySource.XY,
                List.of("coordonnees_passage_coordonnees_minx", "coordonnees_passage_coordonnees_miny"), 4326)));
        try (RowStream rows = readers.open(SourceFile.of(file), plan, Limits.DEFAULT, ReadListener.NONE)) {
            while (rows.next() != null) {
                // all rows
            }
            assertThat(rows.summary().geometries()).isEqualTo(a.rows());
            assertThat(rows.summary().bbox().getMinY()).isGreaterThan(43); // French coasts
        }
    }
}
