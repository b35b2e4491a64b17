package fr.mel.opale.web.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The server's filter compilation on the cases the page's script is tested on ({@code cql2.test.js}). */
class TableFiltersTest {
    @Test
    void compilesEveryCaseAsTheScriptDoes() throws Exception {
        JsonNode fixture;
        try (InputStream in = getClass().getResourceAsStream("table-filters.json")) {
            fixture = JsonMapper.builder().build().readTree(in);
        }
        List<Column> columns = new ArrayList<>();
        for (JsonNode column : fixture.get("columns")) {
            columns.add(new Column(column.get("name").asString(), column.get("title").asString(),
                    ColumnType.valueOf(column.get("type").asString())));
        }
        int checked = 0;
        for (JsonNode example : fixture.get("cases")) {
            Map<String, String> filters = new LinkedHashMap<>();
            example.get("filters").properties().forEach(e -> filters.put(e.getKey(), e.getValue().asString()));
            TableFilters.Compiled compiled = TableFilters.compile(columns, example.get("text").asString(), filters);
            assertThat(compiled.cql2()).as(example.toString())
                    .isEqualTo(example.get("cql2").isNull() ? null : example.get("cql2").asString());
            Map<String, String> errors = new LinkedHashMap<>();
            example.get("errors").properties().forEach(e -> errors.put(e.getKey(), e.getValue().asString()));
            assertThat(compiled.errors()).as(example.toString()).isEqualTo(errors);
            checked++;
        }
        assertThat(checked).isEqualTo(fixture.get("cases").size()).isGreaterThan(15);
    }
}
