package fr.mel.opale.ingest.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import fr.mel.opale.testing.SharedTestData;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The schema.data.gouv.fr schemas of {@code ../shared/data/tableschema}: each valid example passes, each invalid
 * one fails with exactly the errors frictionless reports (code, row, field) — read off the files by hand:
 * <ul>
 * <li>lieux-covoiturage/exemple-invalide.csv, row 3: {@code date_maj} "24-06-2019" is not {@code %Y-%m-%d}
 *     (type-error); its swapped Xlong/Ylat stay within their bounds, the other cells are fine;</li>
 * <li>stationnement/exemple-invalide.csv, row 2: {@code id} "P-001" misses the INSEE prefix (pattern) and
 *     {@code tarif_pmr} "inconnu" is not in its enum.</li>
 * </ul>
 * Plus the codes the examples do not show, on small tables of our own.
 */
public class TableSchemaExamplesTest {
    @ParameterizedTest
    @ValueSource(strings = {"fontaine-eau", "lieux-covoiturage", "stationnement"})
    void validExamplesPass(String name) throws IOException {
        SchemaValidationResult result = validate(name, "exemple-valide.csv");
        assertThat(result.errors()).isEmpty();
        assertThat(result.valid()).isTrue();
        assertThat(result.rowsChecked()).isPositive();
    }

    @Test
    void covoiturageInvalidExampleHasTheBadDate() throws IOException {
        SchemaValidationResult result = validate("lieux-covoiturage", "exemple-invalide.csv");
        assertThat(result.errors()).extracting(SchemaError::code, SchemaError::rowNumber, SchemaError::fieldName,
                SchemaError::fieldNumber).containsExactly(tuple("type-error", 3L, "date_maj", 7));
        assertThat(result.errors().get(0).message()).contains("24-06-2019", "date_maj", "ligne 3");
    }

    @Test
    void stationnementInvalidExampleHasThePatternAndTheEnum() throws IOException {
        SchemaValidationResult result = validate("stationnement", "exemple-invalide.csv");
        assertThat(result.errors()).extracting(SchemaError::code, SchemaError::rowNumber, SchemaError::fieldName,
                SchemaError::constraint, SchemaError::fieldNumber).containsExactly(
                tuple("constraint-error", 2L, "id", "pattern", 1),
                tuple("constraint-error", 2L, "tarif_pmr", "enum", 21));
        assertThat(result.counts()).containsEntry("constraint-error", 2L);
    }

    @Test
    void labelsAreMatchedByNameAndReported() {
        TableSchema schema = TableSchema.parse("""
                {"fields":[{"name":"id","type":"integer"},{"name":"nom"},{"name":"date","type":"date"}]}""");
        SchemaValidation v = schema.validation();
        v.header(List.of("nom", "id", "extra", "nom"), 1L);
        SchemaValidationResult r = v.result();
        assertThat(r.errors()).extracting(SchemaError::code, SchemaError::fieldNumber, SchemaError::fieldName)
                .containsExactly(tuple("extra-label", 3, "extra"), tuple("duplicate-label", 4, "nom"),
                        tuple("missing-label", 3, "date"));
    }

    @Test
    void everyConstraintAndKeyHasItsCode() {
        TableSchema schema = TableSchema.parse("""
                {"primaryKey":["id"], "missingValues":["","NA"], "fields":[
                  {"name":"id","type":"integer","constraints":{"minimum":1}},
                  {"name":"code","constraints":{"required":true,"minLength":2,"maxLength":3,"unique":true}},
                  {"name":"prix","type":"number","decimalChar":",","groupChar":" ","constraints":{"maximum":"1000"}},
                  {"name":"ok","type":"boolean","trueValues":["oui"],"falseValues":["non"]},
                  {"name":"jour","type":"date","format":"%d/%m/%Y"},
                  {"name":"mail","format":"email"},
                  {"name":"pos","type":"geopoint"},
                  {"name":"an","type":"year"}]}""");
        SchemaValidation v = schema.validation();
        v.header(List.of("id", "code", "prix", "ok", "jour", "mail", "pos", "an"), 1L);
        v.row(2, List.of("1", "AB", "1 234,5", "oui", "31/12/2024", "a@b.fr", "3.06, 50.63", "2024"));
        v.row(3, List.of("1", "AB", "12,5", "non", "2024-12-31", "pas-un-mail", "200, 50", "24"));
        v.row(4, List.of("", "", "", "", "", "", "", ""));
        v.row(5, List.of("0", "ABCD", "NA", "peut-être", "", "", "", ""));
        v.row(6, List.of("x", "A", "999,9", "", "", "", "", ""));
        v.row(7, Arrays.asList("7", null, "", "", "", "", "", ""));
        SchemaValidationResult r = v.result();
        assertThat(r.errors()).extracting(SchemaError::code, SchemaError::rowNumber, SchemaError::fieldName,
                SchemaError::constraint).containsExactly(
                tuple("constraint-error", 2L, "prix", "maximum"),
                tuple("unique-error", 3L, "code", "unique"),
                tuple("type-error", 3L, "jour", null),
                tuple("type-error", 3L, "mail", null),
                tuple("type-error", 3L, "pos", null),
                tuple("type-error", 3L, "an", null),
                tuple("primary-key", 3L, "id", null),
                tuple("blank-row", 4L, null, null),
                tuple("constraint-error", 5L, "id", "minimum"),
                tuple("constraint-error", 5L, "code", "maxLength"),
                tuple("type-error", 5L, "ok", null),
                tuple("type-error", 6L, "id", null),
                tuple("constraint-error", 6L, "code", "minLength"),
                tuple("constraint-error", 7L, "code", "required"));
        assertThat(r.errorCount()).isEqualTo(14);
    }

    @Test
    void anUnusableSchemaSaysWhy() {
        assertThatThrownBy(() -> TableSchema.parse("{}")).hasMessageContaining("fields");
        assertThatThrownBy(() -> TableSchema.parse("{\"fields\":[{\"name\":\"a\",\"type\":\"entier\"}]}"))
                .hasMessageContaining("entier");
        assertThatThrownBy(() -> TableSchema.parse(
                "{\"fields\":[{\"name\":\"a\",\"type\":\"integer\",\"constraints\":{\"minimum\":\"zéro\"}}]}"))
                .hasMessageContaining("minimum");
        assertThatThrownBy(() -> TableSchema.parse("pas du json")).hasMessageContaining("JSON");
    }

    /** Reads the example with commons-csv (not our readers): the expected errors do not depend on them. */
    private static SchemaValidationResult validate(String name, String example) throws IOException {
        Path dir = SharedTestData.file("tableschema/" + name);
        TableSchema schema = TableSchema.parse(Files.readString(dir.resolve("schema.json"), StandardCharsets.UTF_8));
        SchemaValidation validation = schema.validation();
        try (Reader in = Files.newBufferedReader(dir.resolve(example), StandardCharsets.UTF_8)) {
            List<CSVRecord> records = CSVFormat.DEFAULT.parse(in).getRecords();
            validation.header(records.get(0).toList(), 1L);
            for (int i = 1; i < records.size(); i++) {
                validation.row(i + 1, new ArrayList<>(records.get(i).toList()));
            }
        }
        return validation.result();
    }
}
