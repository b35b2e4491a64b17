package fr.mel.opale.web.dataset;

import fr.mel.opale.data.Column;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** The columns as the scripts read them from a {@code data-columns} attribute: {@code [{name, title, type}]}. */
public final class ColumnsJson {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ColumnsJson() {
    }

    /** JSON text; the template escapes it as any attribute value. */
    public static String of(List<Column> columns) {
        return JSON.writeValueAsString(columns.stream()
                .map(c -> Map.of("name", c.name(), "title", c.title(), "type", c.type().name())).toList());
    }
}
