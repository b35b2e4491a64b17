package fr.mel.opale.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnNamesTest {
    @Test
    void labelsBecomeSafeIdentifiers() {
        assertThat(ColumnNames.safe("Nb places")).isEqualTo("nb_places");
        assertThat(ColumnNames.safe("Date de pose")).isEqualTo("date_de_pose");
        assertThat(ColumnNames.safe("Coordonnées passage : Coordonnées minx"))
                .isEqualTo("coordonnees_passage_coordonnees_minx");
        assertThat(ColumnNames.safe("  Latitude (WGS84) ")).isEqualTo("latitude_wgs84");
        assertThat(ColumnNames.safe("\uFEFFSALLE")).isEqualTo("salle");
        assertThat(ColumnNames.safe("Œuvres d'art — Cœur")).isEqualTo("oeuvres_d_art_coeur");
        assertThat(ColumnNames.safe("st_area(shape)")).isEqualTo("st_area_shape");
        assertThat(ColumnNames.safe("2020")).isEqualTo("c_2020");
        assertThat(ColumnNames.safe("€ ?")).isEqualTo("colonne");
        assertThat(ColumnNames.safe("Select")).isEqualTo("select_");
        assertThat(ColumnNames.safe("geom")).isEqualTo("geom_");
        assertThat(ColumnNames.safe("x".repeat(100))).hasSize(ColumnNames.MAX_LENGTH);
    }

    @Test
    void identifiersAreUnique() {
        assertThat(ColumnNames.unique(List.of("Nom", "nom", "NOM ", "nom_2", "")))
                .containsExactly("nom", "nom_2", "nom_3", "nom_2_2", "colonne");
    }
}
