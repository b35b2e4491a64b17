package fr.mel.opale.ogcapi.core;

import fr.mel.opale.ogcapi.OgcApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** The encodings served: JSON (GeoJSON for features) and HTML, chosen by {@code f} first, then {@code Accept}. */
public enum Format {
    JSON, HTML;

    public static Format of(HttpServletRequest request) {
        String f = request.getParameter("f");
        if (f != null) {
            return switch (f.strip()) {
                case "json", "geojson" -> JSON;
                case "html" -> HTML;
                default -> throw OgcApiProblem.badParameter("f", "« json », « geojson » ou « html » attendu (reçu « "
                        + Abbreviation.of(f) + " »).");
            };
        }
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return JSON;
        }
        try {
            List<MediaType> types = new java.util.ArrayList<>(MediaType.parseMediaTypes(accept));
            types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
            for (MediaType type : types) {
                if (type.getQualityValue() == 0) {
                    continue;
                }
                if (type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType()) {
                    return HTML;
                }
                if (type.getSubtype().endsWith("json") || type.isWildcardType() || type.isWildcardSubtype()) {
                    return JSON;
                }
            }
        } catch (InvalidMediaTypeException e) {
            return JSON;
        }
        return JSON;
    }
}
