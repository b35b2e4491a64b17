package fr.mel.opale.catalog.ownership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerRulesFileTest {
    @TempDir
    Path dataDir;

    @Test
    void readsPublishersDomainsAndTheDefaultWithNamesComparedWithoutCaseOrAccents() {
        OwnerRules rules = OwnerRulesFile.parse("test", """
                publishers:
                  "Direction de l'Eau et de l'Assainissement": mel
                  "Ilévia": ilevia
                domains:
                  Ville-Roubaix.FR: roubaix
                default: mel
                """);

        assertThat(rules.publishers()).containsEntry("direction de l eau et de l assainissement", "mel")
                .containsEntry("ilevia", "ilevia");
        assertThat(rules.domains()).containsEntry("ville-roubaix.fr", "roubaix");
        assertThat(rules.fallback()).isEqualTo("mel");
        assertThat(PublisherNames.normalised("MAIRIE DE MARCQ-EN-BARŒUL")).isEqualTo("mairie de marcq en baroeul");
        assertThat(PublisherNames.keysOf("Marcq-en-Barœul")).contains("marcq en baroeul", "ville de marcq en baroeul");
    }

    @Test
    void refusesAnInvalidFileNamingEveryProblemInFrench() {
        assertThatThrownBy(() -> OwnerRulesFile.parse("f.yml", """
                publisher:
                  x: mel
                publishers:
                  "Ilévia": Ilévia
                domains:
                  "pas un domaine": roubaix
                default: ""
                """)).hasMessageContaining("f.yml").hasMessageContaining("clé inconnue « publisher »")
                .hasMessageContaining("« Ilévia » n'est pas un identifiant d'organisation")
                .hasMessageContaining("« pas un domaine » n'est pas une clé valable")
                .hasMessageContaining("default : identifiant d'organisation manquant");
        assertThatThrownBy(() -> OwnerRulesFile.parse("f.yml", "- une\n- liste\n"))
                .hasMessageContaining("« publishers », « domains » ou « default »");
    }

    @Test
    void theFileIsTheNamedOneElseTheDataDirectorysElseNone() throws IOException {
        assertThat(OwnerRulesFile.load("", dataDir.toString())).isSameAs(OwnerRules.NONE);
        Files.writeString(dataDir.resolve(OwnerRulesFile.FILE_NAME), "default: mel\n");
        assertThat(OwnerRulesFile.load("", dataDir.toString()).fallback()).isEqualTo("mel");
        assertThatThrownBy(() -> OwnerRulesFile.load(dataDir.resolve("absent.yml").toString(), dataDir.toString()))
                .hasMessageContaining("fichier introuvable");
    }
}
