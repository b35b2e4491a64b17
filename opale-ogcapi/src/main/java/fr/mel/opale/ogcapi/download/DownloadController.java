package fr.mel.opale.ogcapi.download;

import fr.mel.opale.data.Column;
import fr.mel.opale.data.FeatureQuery;
import fr.mel.opale.data.Features;
import fr.mel.opale.data.GeometryKind;
import fr.mel.opale.data.ReadResult;
import fr.mel.opale.ogcapi.core.BuildingBlocks;
import fr.mel.opale.ogcapi.core.GeoJsonWriter;
import fr.mel.opale.ogcapi.core.ItemsParameter;
import fr.mel.opale.ogcapi.core.ItemsRequest;
import fr.mel.opale.ogcapi.core.OgcCollection;
import fr.mel.opale.ogcapi.core.OgcResponses;
import fr.mel.opale.ogcapi.OgcApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;

/**
 * Downloads of a whole collection or of any selection of it, as a file ({@code Content-Disposition: attachment;
 * filename="<id>-<yyyy-mm-dd>.<ext>"}, the day in Europe/Paris): {@code /collections/{id}/download?format=…} for
 * every format, and {@code /collections/{id}/items?f=csv|csv-excel|xlsx|gpkg} for clients that only know the items
 * URL (Spring prefers these mappings to the items page's because they also match {@code f}).
 *
 * <p>The selection takes the items parameters (bbox, datetime, filter, attribute filters, properties, sortby, crs...),
 * parsed by the same building blocks, but without a page: the whole selection unless {@code limit}/{@code offset}
 * are given (then clamped as for items). Rows are streamed from the database to the response one at a time
 * ({@link Features#read}); nothing collects them. The collection is resolved like items: hidden = 404.
 */
@RestController
class DownloadController {
    static final String FORMAT = "format";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final OgcResponses responses;
    private final BuildingBlocks blocks;
    private final Features features;

    DownloadController(OgcResponses responses, BuildingBlocks blocks, Features features) {
        this.responses = responses;
        this.blocks = blocks;
        this.features = features;
    }

    @GetMapping(OgcResponses.ROOT + "/collections/{id}/download")
    void download(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        OgcCollection collection = responses.collection(id, request, response);
        if (collection == null) {
            return;
        }
        String raw = request.getParameter(FORMAT);
        if (raw == null) {
            throw OgcApiProblem.badParameter(FORMAT, "le format du fichier est obligatoire ("
                    + String.join(", ", keys()) + ").");
        }
        write(collection, DownloadFormat.parse(FORMAT, raw), List.of(FORMAT), request, response);
    }

    @GetMapping(value = OgcResponses.ROOT + "/collections/{id}/items", params = "f=csv")
    void csv(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        items(id, DownloadFormat.CSV, request, response);
    }

    @GetMapping(value = OgcResponses.ROOT + "/collections/{id}/items", params = "f=xlsx")
    void xlsx(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        items(id, DownloadFormat.XLSX, request, response);
    }

    @GetMapping(value = OgcResponses.ROOT + "/collections/{id}/items", params = "f=gpkg")
    void gpkg(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        items(id, DownloadFormat.GPKG, request, response);
    }

    @GetMapping(value = OgcResponses.ROOT + "/collections/{id}/items", params = "f=shp")
    void shp(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        items(id, DownloadFormat.SHP, request, response);
    }

    @GetMapping(value = OgcResponses.ROOT + "/collections/{id}/items", params = "f=csv-excel")
    void csvExcel(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        items(id, DownloadFormat.CSV_EXCEL, request, response);
    }

    private void items(String id, DownloadFormat format, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        OgcCollection collection = responses.collection(id, request, response);
        if (collection != null) {
            write(collection, format, List.of(), request, response);
        }
    }

    private static List<String> keys() {
        return java.util.Arrays.stream(DownloadFormat.values()).map(f -> f.key).toList();
    }

    private void write(OgcCollection collection, DownloadFormat format, List<String> extraParameters,
                       HttpServletRequest request, HttpServletResponse response) throws IOException {
        ItemsRequest items = selection(collection, extraParameters, request);
        FeatureQuery query = items.query();
        if (format == DownloadFormat.XLSX && Math.min(items.limit(),
                features.count(collection.dataset().id(), items.countQuery())) > XlsxFeatureWriter.MAX_ROWS) {
            throw OgcApiProblem.badParameter(FORMAT, "un classeur XLSX contient au plus "
                    + XlsxFeatureWriter.MAX_ROWS + " lignes ; filtrez la sélection ou téléchargez-la en CSV.");
        }
        if (format == DownloadFormat.SHP) {
            shapefile(collection, items, request, response);
            return;
        }
        responses.cors().apply(request, response, collection.restricted());
        if (collection.geographic()) {
            response.setHeader("Content-Crs", "<" + items.crs().uri + ">");
        }
        response.setContentType(format.mediaType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName(collection, format) + "\"");
        List<Column> columns = columns(collection, items);
        switch (format) {
            case CSV, CSV_EXCEL -> {
                Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(),
                        StandardCharsets.UTF_8), 64 * 1024);
                CsvFeatureWriter csv = new CsvFeatureWriter(out, columns, collection.geographic(), items.crs(),
                        format == DownloadFormat.CSV_EXCEL);
                csv.header();
                features.read(collection.dataset().id(), query, csv::feature);
                out.flush();
            }
            case GEOJSON -> geoJson(collection, items, query, response);
            case XLSX -> {
                try (XlsxFeatureWriter xlsx = new XlsxFeatureWriter(collection.id(), columns,
                        collection.geographic(), items.crs())) {
                    features.read(collection.dataset().id(), query, xlsx::feature);
                    xlsx.finish(response.getOutputStream());
                }
            }
            case SHP -> throw new IllegalStateException("written above");
            case GPKG -> {
                try (GeoPackageFeatureWriter gpkg = new GeoPackageFeatureWriter(collection.id(), columns,
                        collection.geographic(), items.crs())) {
                    features.read(collection.dataset().id(), query, gpkg::feature);
                    java.nio.file.Path file = gpkg.finish();
                    response.setContentLengthLong(java.nio.file.Files.size(file));
                    java.nio.file.Files.copy(file, response.getOutputStream());
                }
            }
        }
    }

    /**
     * The zipped shapefile is written to temporary files first (headers are fixed at the end, sizes checked), so
     * that a refusal (2 GB) is still a clean 400: the response headers are set once the files are complete.
     */
    private void shapefile(OgcCollection collection, ItemsRequest items, HttpServletRequest request,
                           HttpServletResponse response) throws IOException {
        if (!collection.geographic()) {
            throw OgcApiProblem.badParameter(FORMAT, "« " + collection.id() + " » n'a pas de géométrie : un "
                    + "shapefile en demande une. Téléchargez ce tableau en CSV (format=csv) ou en XLSX.");
        }
        List<Column> columns = columns(collection, items);
        GeometryKind kind = collection.version().geometry().kind();
        if (ShapefileFeatureWriter.surelyTooLarge(Math.min(items.limit(),
                features.count(collection.dataset().id(), items.countQuery())), columns.size(), kind,
                ShapefileFeatureWriter.MAX_BYTES)) {
            throw ShapefileFeatureWriter.tooLarge();
        }
        try (ShapefileFeatureWriter shp = new ShapefileFeatureWriter(collection.id(), columns, kind, items.crs())) {
            features.read(collection.dataset().id(), items.query(), shp::feature);
            shp.complete();
            responses.cors().apply(request, response, collection.restricted());
            response.setHeader("Content-Crs", "<" + items.crs().uri + ">");
            response.setContentType(DownloadFormat.SHP.mediaType);
            response.setHeader("Content-Disposition", "attachment; filename=\""
                    + fileName(collection, DownloadFormat.SHP) + "\"");
            shp.zip(response.getOutputStream());
        }
    }

    private void geoJson(OgcCollection collection, ItemsRequest items, FeatureQuery query,
                         HttpServletResponse response) throws IOException {
        try (JsonGenerator json = responses.json().createGenerator(response.getOutputStream())) {
            json.writeStartObject();
            json.writeName("type");
            json.writeString("FeatureCollection");
            json.writeName("features");
            json.writeStartArray();
            GeoJsonWriter writer = new GeoJsonWriter(json, items.crs());
            ReadResult result = features.read(collection.dataset().id(), query, f -> writer.feature(f, null));
            json.writeEndArray();
            json.writeName("numberReturned");
            json.writeNumber(result.returned());
            json.writeEndObject();
        }
    }

    /** The items parameters, validated and applied by the building blocks exactly as for {@code /items}. */
    private ItemsRequest selection(OgcCollection collection, List<String> extraParameters,
                                   HttpServletRequest request) {
        List<ItemsParameter> parameters = blocks.itemsParameters(collection);
        List<String> allowed = new ArrayList<>(extraParameters);
        parameters.forEach(p -> allowed.add(p.name()));
        responses.refuseUnknownParameters(request, allowed);
        ItemsRequest items = new ItemsRequest(collection, FeatureQuery.UNLIMITED);
        for (ItemsParameter parameter : parameters) {
            String raw = request.getParameter(parameter.name());
            if (raw != null) {
                parameter.apply(raw, items);
            }
        }
        return items;
    }

    /** The columns written, in the order of {@code properties=} when given (as the features carry them). */
    static List<Column> columns(OgcCollection collection, ItemsRequest items) {
        if (items.properties() == null) {
            return collection.version().columns();
        }
        return items.properties().stream().flatMap(name -> collection.column(name).stream()).toList();
    }

    /** {@code <id>-<yyyy-mm-dd>.<ext>}: ids are slugs (ASCII), anything else is replaced to keep the header safe. */
    static String fileName(OgcCollection collection, DownloadFormat format) {
        String slug = collection.id().replaceAll("[^A-Za-z0-9._-]", "_");
        return slug + "-" + LocalDate.now(PARIS) + "." + format.extension;
    }
}
