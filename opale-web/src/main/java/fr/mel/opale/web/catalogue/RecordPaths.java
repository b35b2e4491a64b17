package fr.mel.opale.web.catalogue;

import org.springframework.web.util.UriUtils;

/** Addresses of a record's page and of its machine-readable forms, encoded once here. */
public final class RecordPaths {
    private RecordPaths() {
    }

    public static String record(String id) {
        return "/catalogue/" + segment(id);
    }

    public static String json(String id) {
        return "/api/records/" + segment(id);
    }

    public static String iso19139(String id) {
        return json(id) + "/iso19139";
    }

    public static String dcat(String id) {
        return json(id) + "/dcat";
    }

    private static String segment(String id) {
        return UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8);
    }
}
