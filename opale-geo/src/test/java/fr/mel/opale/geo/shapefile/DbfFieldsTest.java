package fr.mel.opale.geo.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DbfFieldsTest {
    @Test
    void shortNamesAreUniqueAndAtMostTenCharacters() {
        java.util.Set<String> used = new java.util.HashSet<>();
        List<String> names = new ArrayList<>();
        for (String column : List.of("code_commune", "code_commune_insee", "code_commu", "a", "code_commune_2")) {
            String name = DbfFields.shortName(column, used);
            used.add(name);
            names.add(name);
        }
        assertThat(names).containsExactly("code_commu", "code_com_1", "code_com_2", "a", "code_com_3");
    }
}
