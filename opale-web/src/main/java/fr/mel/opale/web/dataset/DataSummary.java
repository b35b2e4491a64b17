package fr.mel.opale.web.dataset;

import fr.mel.opale.data.Bbox;
import fr.mel.opale.data.Column;
import fr.mel.opale.data.ColumnType;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What the tabs say about a record's published data: ids, served version, rows, columns, extent, and the addresses
 * of its API (items, a CQL2 example built from its own columns, downloads, tiles).
 */
public record DataSummary(String datasetId, String collectionId, int version, long rows, List<Column> columns,
                          boolean geographic, @Nullable Bbox bbox, String cql2Example) {
    /** Download formats as the OGC API names them; Shapefile only for geographic data. */
    public record Download(String format, String labelKey, String extension) {
    }

    static DataSummary of(DatasetPages.PublishedData data) {
        var version = data.version();
        return new DataSummary(data.dataset().id(), data.dataset().slug(), version.number(), version.rowCount(),
                version.columns(), version.geographic(), version.bbox(), example(version.columns()));
    }

    /** A filter that means something on this dataset: a number above zero, else a text starting with A, else a date. */
    static String example(List<Column> columns) {
        for (Column column : columns) {
            if (column.type() == ColumnType.INTEGER || column.type() == ColumnType.DECIMAL) {
                return column.name() + " > 0";
            }
        }
        for (Column column : columns) {
            if (column.type() == ColumnType.TEXT) {
                return "CASEI(" + column.name() + ") LIKE 'a%'";
            }
        }
        for (Column column : columns) {
            if (column.type() == ColumnType.DATE || column.type() == ColumnType.TIMESTAMP) {
                return column.name() + " >= DATE('2024-01-01')";
            }
        }
        return columns.isEmpty() ? "TRUE" : columns.get(0).name() + " IS NOT NULL";
    }

    public String collectionUrl() {
        return "/ogcapi/collections/" + collectionId;
    }

    public String itemsUrl() {
        return collectionUrl() + "/items?f=json&limit=10";
    }

    public String filteredItemsUrl() {
        return collectionUrl() + "/items?f=json&filter=" + java.net.URLEncoder.encode(cql2Example,
                java.nio.charset.StandardCharsets.UTF_8);
    }

    public String tilesUrl() {
        return collectionUrl() + "/tiles/WebMercatorQuad/{z}/{y}/{x}";
    }

    public String downloadUrl(String format) {
        return collectionUrl() + "/download?format=" + format;
    }

    public List<Download> downloads() {
        List<Download> all = List.of(new Download("csv", "download.csv", "csv"),
                new Download("csv-excel", "download.csv-excel", "csv"), new Download("xlsx", "download.xlsx", "xlsx"),
                new Download("geojson", "download.geojson", "geojson"), new Download("gpkg", "download.gpkg", "gpkg"),
                new Download("shp", "download.shp", "zip"));
        return geographic ? all : all.stream().filter(d -> !d.format().equals("shp")).toList();
    }

    /** The type's message key ({@code import.type.integer}...). */
    public static String typeKey(Column column) {
        return "import.type." + column.type().name().toLowerCase(Locale.ROOT);
    }

    /** The extent as {@code west,south,east,north}, for the map and the table's extent filter. */
    public @Nullable String bboxText() {
        return bbox == null ? null : bbox.west() + "," + bbox.south() + "," + bbox.east() + "," + bbox.north();
    }
}
