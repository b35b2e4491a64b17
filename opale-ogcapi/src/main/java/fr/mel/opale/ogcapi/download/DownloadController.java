package fr.mel.opale.ogcapi.download;

import fr.mel.opale.data.Column;
import fr.mel.opale.data.FeatureQuery;
import fr.mel.opale.data.Features;
import fr.mel.opale.geo.GeometryType;
import fr.mel.opale.ogcapi.core.BuildingBlocks;
import fr.mel.opale.ogcapi.core.ItemsParameter;
import fr.mel.opale.ogcapi.core.ItemsRequest;
import fr.mel.opale.ogcapi.core.OgcCollection;
import fr.mel.opale.ogcapi.core.OgcResponses;
import fr.mel.opale.ogcapi.OgcApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

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
                    + String.join(", ", DownloadFormats.keys()) + ").");
        }
        write(collection, DownloadFormats.parse(FORMAT, raw), List.of(FORMAT), request, response);
    }

    // The items URL with f=<format>: one mapping a key (Spring matches on literal parameter values).

    @GetMapping(value = OgcResponses.ROOT + "/collections/{id}/items", params = "f=csv")
    void csv(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        items(id, DownloadFormats.CSV, request, response);
    }

    @GetMapping(value = OgcResponses.ROOT + "/collections/{id}/items", params = "f=xlsx")
    void xlsx(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        items(id, DownloadFormats.XLSX, request, response);
    }

    @GetMapping(value = OgcResponses.ROOT + "/collections/{id}/items", params = "f=gpkg")
    void gpkg(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        items(id, DownloadFormats.GPKG, request, response);
    }

    @GetMapping(value = OgcResponses.ROOT + "/collections/{id}/items", params = "f=shp")
    void shp(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        items(id, DownloadFormats.SHP, request, response);
    }

    @GetMapping(value = OgcResponses.ROOT + "/collections/{id}/items", params = "f=csv-excel")
    void csvExcel(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        items(id, DownloadFormats.CSV_EXCEL, request, response);
    }

    private void items(String id, DownloadFormat format, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        OgcCollection collection = responses.collection(id, request, response);
        if (collection != null) {
            write(collection, format, List.of(), request, response);
        }
    }

    /**
     * Every format the same way: its writer takes the selected features as they are read, then sends the file.
     * The response headers are set when the writer opens its target, i.e. once it can no longer refuse.
     */
    private void write(OgcCollection collection, DownloadFormat format, List<String> extraParameters,
                       HttpServletRequest request, HttpServletResponse response) throws IOException {
        ItemsRequest items = selection(collection, extraParameters, request);
        GeometryType geometryType = collection.geographic() ? collection.version().geometry().kind()
                : GeometryType.GEOMETRY; // a table: no geometry info
        DownloadSelection selection = new DownloadSelection(collection.id(), columns(collection, items),
                collection.geographic(), geometryType, items.crs(),
                () -> Math.min(items.limit(), features.count(collection.dataset().id(), items.countQuery())));
        DownloadTarget target = contentLength -> {
            responses.cors().apply(request, response, collection.restricted());
            if (collection.geographic()) {
                response.setHeader("Content-Crs", "<" + items.crs().uri + ">");
            }
            response.setContentType(format.mediaType());
            response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName(collection, format)
                    + "\"");
            if (contentLength >= 0) {
                response.setContentLengthLong(contentLength);
            }
            return response.getOutputStream();
        };
        try (FeatureWriter writer = format.open(selection, target)) {
            features.read(collection.dataset().id(), items.query(), writer::write);
            writer.finish();
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
        return slug + "-" + LocalDate.now(PARIS) + "." + format.extension();
    }
}
