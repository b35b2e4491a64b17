package fr.mel.opale.ogcapi.download;

import fr.mel.opale.ogcapi.core.BuildingBlock;
import fr.mel.opale.ogcapi.core.ItemsParameter;
import fr.mel.opale.ogcapi.core.OgcCollection;
import fr.mel.opale.ogcapi.core.OgcResponses;
import fr.mel.opale.ogcapi.core.OpenApiOperation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Makes the downloads discoverable: one {@code enclosure} link per format a collection can be downloaded in, in its
 * description ({@code /collections} and {@code /collections/{id}}), and the download endpoint in {@code /api}.
 * Downloads are no OGC standard: no conformance class.
 */
@Component
class DownloadBuildingBlock implements BuildingBlock {
    @Override
    public List<String> conformanceClasses() {
        return List.of();
    }

    @Override
    public List<ItemsParameter> itemsParameters(OgcCollection collection) {
        return List.of();
    }

    static List<DownloadFormat> formats(OgcCollection collection) {
        return DownloadFormats.accepting(collection.geographic());
    }

    @Override
    public List<Map<String, Object>> collectionLinks(OgcCollection collection, String collectionUrl) {
        return formats(collection).stream().map(f -> OgcResponses.link(collectionUrl + "/download?"
                + DownloadController.FORMAT + "=" + f.key(), "enclosure", f.mediaType(), "Télécharger en " + f.label()))
                .toList();
    }

    @Override
    public Map<String, Object> openApiPaths(OgcCollection collection, List<Map<String, Object>> itemsParameters) {
        List<DownloadFormat> formats = formats(collection);
        List<Map<String, Object>> parameters = new ArrayList<>();
        parameters.add(Map.of("name", DownloadController.FORMAT, "in", "query", "required", true,
                "description", "Format du fichier : " + String.join(", ", formats.stream()
                        .map(f -> f.key() + " (" + f.label() + ")").toList()) + ".",
                "schema", Map.of("type", "string", "enum", formats.stream().map(DownloadFormat::key).toList())));
        parameters.addAll(itemsParameters);
        String[] types = formats.stream().map(DownloadFormat::mediaType).distinct().toArray(String[]::new);
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", OpenApiOperation.response("Le fichier (Content-Disposition: attachment), de toute la "
                + "sélection : sans pagination, sauf limit/offset donnés", types));
        return Map.of("/collections/" + collection.id() + "/download", OpenApiOperation.get(
                "download_" + OpenApiOperation.suffix(collection), "Télécharger « " + collection.title() + " »",
                parameters, responses));
    }
}
