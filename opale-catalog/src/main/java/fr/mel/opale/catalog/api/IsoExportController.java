package fr.mel.opale.catalog.api;

import fr.mel.opale.catalog.Catalog;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.catalog.iso.Iso19139Writer;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/records/{id}/iso19139}: one record as an ISO 19139 document, for GIS catalogues (GeoNetwork harvesting,
 * QGIS MetaSearch, INSPIRE validators). Read through {@link Catalog#get}, so a record the viewer may not see is a
 * 404 like a missing one.
 */
@RestController
@RequestMapping("/api/records")
@Tag(name = "Fiches", description = "Le catalogue des fiches de métadonnées")
class IsoExportController {
    private final Catalog catalog;
    private final Iso19139Writer writer;

    IsoExportController(Catalog catalog) {
        this.catalog = catalog;
        this.writer = new Iso19139Writer();
    }

    @GetMapping(path = "/{id}/iso19139", produces = MediaType.APPLICATION_XML_VALUE)
    @Operation(summary = "Une fiche au format ISO 19139 (XML valide selon les schémas ISO/TS 19139:2007)")
    ResponseEntity<byte[]> iso19139(@PathVariable String id) {
        StoredRecord stored = catalog.get(id);
        byte[] xml = writer.write(stored.record());
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(stored.id()))
                .lastModified(stored.modified())
                .eTag("\"" + stored.version() + "\"")
                .body(xml);
    }

    /** {@code inline; filename="<id>.xml"}, with an RFC 5987 {@code filename*} when the id is not plain ASCII. */
    private static String disposition(String id) {
        String fileName = id + ".xml";
        boolean ascii = fileName.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        ContentDisposition.Builder inline = ContentDisposition.inline();
        return (ascii ? inline.filename(fileName) : inline.filename(fileName, StandardCharsets.UTF_8)).build()
                .toString();
    }
}
