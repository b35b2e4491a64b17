package fr.mel.opale.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Invalid geometries are reported; repaired when the repair keeps their nature, else null. */
class GeometryRepairTest {
    @TempDir
    Path dir;

    @Test
    void invalidGeometriesAreRepairedOrDroppedAndReported() throws IOException {
        Path file = Files.writeString(dir.resolve("zones.csv"), """
                nom;wkt
                noeud papillon;POLYGON ((3 50, 3.1 50.1, 3.1 50, 3 50.1, 3 50))
                anneau qui se touche;POLYGON ((3 50, 3.2 50, 3.2 50.2, 3.1 50, 3 50.2, 3 50))
                aplati;POLYGON ((3 50, 3.1 50.1, 3.2 50.2, 3 50))
                hors de la Terre;POINT (200 100)
                sain;POINT (3.06 50.63)
                vide;
                """);
        TableReaders readers = TableReaders.standard();
        Analysis a = readers.analyse(SourceFile.of(file), ReadOptions.DEFAULT, ReadListener.NONE);
        assertThat(a.plan().geometry().kind()).isEqualTo(GeometrySource.WKT);
        try (RowStream rows = readers.open(SourceFile.of(file), a.plan(), Limits.DEFAULT, ReadListener.NONE)) {
            Row bowtie = rows.next();
            assertThat(bowtie.geometry().isValid()).isTrue();
            assertThat(bowtie.geometry().getArea()).isGreaterThan(0);
            assertThat(rows.next().geometry().isValid()).isTrue();
            assertThat(rows.next().geometry()).isNull(); // collapsed to a line: no longer an area
            assertThat(rows.next().geometry()).isNull(); // beyond longitude 180
            assertThat(rows.next().geometry()).isNotNull();
            assertThat(rows.next().geometry()).isNull();
            assertThat(rows.next()).isNull();
            ReadSummary summary = rows.summary();
            assertThat(summary.repairedGeometries()).isEqualTo(2);
            assertThat(summary.rejectedGeometries()).isEqualTo(2);
            assertThat(summary.missingGeometries()).isEqualTo(1);
            assertThat(summary.geometries()).isEqualTo(3);
            assertThat(summary.warnings()).anyMatch(w -> w.code().equals("geometry-repaired") && w.row() == 2
                    && w.message().contains("ligne 2"));
            assertThat(summary.warnings()).anyMatch(w -> w.code().equals("geometry-rejected") && w.row() == 5);
        }
    }
}
