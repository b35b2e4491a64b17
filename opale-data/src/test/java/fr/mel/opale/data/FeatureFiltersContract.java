package fr.mel.opale.data;

import fr.mel.opale.geo.GeometryType;
import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.data.filter.Filter;
import fr.mel.opale.data.filter.Operand;
import fr.mel.opale.data.internal.TableStore;
import fr.mel.opale.data.internal.filter.TextFolding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.io.WKTReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What filters ask of each engine beyond plain SQL, on H2 and on PostGIS (the subclasses): the text foldings of
 * {@code CASEI} and {@code ACCENTI} give, word for word, what {@link TextFolding} gives in Java, and a box across the
 * antimeridian selects the features either side of it.
 */
@SpringBootTest(classes = DataStoreContract.DataTestApplication.class)
public abstract class FeatureFiltersContract {
    /**
     * Accents of many scripts, letters without decomposition, ligatures, decomposed input, marks that must stay
     * (Japanese voicing), case pairs whose simple folding differs from lower-casing (final sigma, dotted I).
     */
    static final List<String> WORDS = List.of("Pérenchies", "Pe\u0301renchies", "Chișinău", "CHIȘINĂU", "Œuvre",
            "cœur", "Ægir", "æther", "Straße", "STRAẞE", "Øresund", "søren", "Łódź", "Đakovo", "đak", "Ħamrun",
            "ħaġar", "ıspanak", "İstanbul", "Þórður", "ðoð", "ﬁﬂﬀﬃﬄﬅﬆ", "Ĳssel", "ĳs", "ŀl", "ſ", "Việt Nam",
            "Ελλάδα", "ΐ", "ΟΔΟΣ", "οδος", "йогурт", "Ёлка", "שָׁלוֹם", "مُحَمَّد", "क़िला", "がぎぐ", "パ", "한국어",
            "Ÿ", "ÀÉÎÕÜ", "ç", "🚲 vélo", "", "a\u0300\u0301\u0302", "ǅ", "ﬀ", "Ｆｕｌｌ", "x²");

    @Autowired
    TableStore store;
    @Autowired
    DataSource dataSource;
    @Autowired
    Datasets datasets;
    @Autowired
    Features features;
    @Autowired
    AccessPolicy policy;

    <T> T admin(Supplier<T> work) {
        return policy.asPlatform(work);
    }

    @Test
    void theDatabaseFoldsEveryWordAsTheJavaRuleDoes() throws Exception {
        List<String> accents = new ArrayList<>();
        List<String> cases = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT " + store.foldAccents("?") + ", "
                     + store.foldCase("?") + ", " + store.foldAccents(store.foldCase("?")))) {
            for (String word : WORDS) {
                select.setString(1, word);
                select.setString(2, word);
                select.setString(3, word);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    assertThat(row.getString(1)).as("ACCENTI(%s)", word).isEqualTo(TextFolding.foldAccents(word));
                    assertThat(row.getString(2)).as("CASEI(%s)", word).isEqualTo(TextFolding.foldCase(word));
                    assertThat(row.getString(3)).as("ACCENTI(CASEI(%s))", word)
                            .isEqualTo(TextFolding.foldAccents(TextFolding.foldCase(word)));
                    accents.add(row.getString(1));
                    cases.add(row.getString(2));
                }
            }
            select.setString(1, null);
            select.setString(2, null);
            select.setString(3, null);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                assertThat(row.getString(1)).isNull();
                assertThat(row.getString(2)).isNull();
            }
        }
        // A few answers written out, so that "same as Java" is also "right".
        assertThat(accents).contains("Perenchies", "Chisinau", "CHISINAU", "OEuvre", "coeur", "AEgir", "Strasse",
                "STRASSE", "Oresund", "soren", "Lodz", "Dakovo", "Hamrun", "ispanak", "Istanbul", "THordur", "dod",
                "fiflffffifflstst", "IJssel", "Viet Nam", "Ελλαδα", "ι", "иогурт", "Елка", "がぎぐ", "パ", "한국어",
                "AEIOU", "aaa".substring(0, 1), "x²");
        assertThat(accents.get(1)).isEqualTo(accents.get(0)); // é and e + U+0301 alike
        assertThat(cases).contains("οδοσ", "straße", "istanbul", "chișinău", "ǆ", "ÿ");
        assertThat(cases.get(WORDS.indexOf("ΟΔΟΣ"))).isEqualTo(cases.get(WORDS.indexOf("οδος")));
    }

    @Test
    void aBoxAcrossTheAntimeridianSelectsBothSidesOfIt() throws Exception {
        WKTReader wkt = new WKTReader();
        DatasetSchema schema = new DatasetSchema(List.of(Column.of("nom", ColumnType.TEXT)),
                GeometryInfo.wgs84(GeometryType.GEOMETRY));
        List<Row> rows = List.of(
                Row.of(wkt.read("POINT (179 66)"), "Est"),
                Row.of(wkt.read("POINT (-179 66)"), "Ouest"),
                Row.of(wkt.read("POINT (0 66)"), "Greenwich"),
                Row.of(wkt.read("POINT (179 10)"), "Est, au sud"),
                Row.of(wkt.read("LINESTRING (170 68, 175 69)"), "Ligne à l'ouest de la boîte"));
        Dataset dataset = admin(() -> datasets.create("Antiméridien " + UUID.randomUUID(), null));
        admin(() -> datasets.load(dataset.id(), schema, RowSource.of(rows.iterator()), LoadOptions.defaults()));
        FeatureQuery across = FeatureQuery.all().withBbox(new Bbox(177, 65, -177, 70));
        List<Object> names = new ArrayList<>();
        admin(() -> features.read(dataset.id(), across, f -> names.add(f.properties().get("nom"))));
        assertThat(names).containsExactly("Est", "Ouest");
        assertThat(admin(() -> features.count(dataset.id(), across))).isEqualTo(2);
        FeatureQuery filtered = across.withFilter(new Filter.Comparison(new Operand.Property("nom"),
                Filter.ComparisonOperator.NE, new Operand.Literal("Est")));
        assertThat(admin(() -> features.count(dataset.id(), filtered))).isEqualTo(1);
        assertThat(admin(() -> features.count(dataset.id(), FeatureQuery.all().withBbox(new Bbox(-177, 65, 177, 70)))))
                .as("the same numbers the other way round: the box that does not cross").isEqualTo(2);
    }
}
