package fr.mel.opale.catalog.api;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Protected;
import fr.mel.opale.catalog.CatalogProblem;
import fr.mel.opale.catalog.iso.IsoArchive;
import fr.mel.opale.catalog.iso.IsoImport;
import fr.mel.opale.catalog.iso.IsoReader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.io.input.ProxyInputStream;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/records/import}: ISO 19139 or ISO 19115-3 records, one XML document or a ZIP of many.
 * The body is read as a bounded stream (never trusting Content-Length alone), after the caller's right to write
 * has been checked, so an anonymous or oversized upload costs nothing.
 */
@RestController
@Tag(name = "Fiches")
class ImportController {
    /** Largest ZIP accepted, compressed; {@link IsoArchive} bounds what it expands to. */
    static final long MAX_ZIP_BYTES = 200L * 1024 * 1024;
    private static final Set<String> XML_TYPES = Set.of("application/xml", "text/xml");
    private static final Set<String> ZIP_TYPES = Set.of("application/zip", "application/x-zip-compressed");
    private static final String ACCEPTED = "application/xml (une fiche) ou application/zip (plusieurs fiches)";

    private final IsoImport isoImport;
    private final AccessPolicy policy;

    ImportController(IsoImport isoImport, AccessPolicy policy) {
        this.isoImport = isoImport;
        this.policy = policy;
    }

    @PostMapping(path = "/api/records/import", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Importe des fiches ISO 19139 / ISO 19115-3 (un XML ou un ZIP) ; "
            + "un identifiant déjà présent met sa fiche à jour")
    IsoImport.Report importRecords(HttpServletRequest request,
                                   @Parameter(description = "« skip » importe les fiches lisibles d'un ZIP et signale "
                                           + "les autres ; par défaut, tout ou rien")
                                   @RequestParam(name = "onError", defaultValue = "reject") String onError)
            throws IOException {
        policy.requireCatalogEdit(Protected.publicResource());
        String type = mediaType(request.getContentType());
        if (XML_TYPES.contains(type)) {
            return isoImport.importDocument(readAll(request, IsoReader.MAX_BYTES));
        }
        if (ZIP_TYPES.contains(type)) {
            boolean skip = switch (onError) {
                case "skip" -> true;
                case "reject" -> false;
                default -> throw CatalogProblem.invalid("onError vaut « reject » ou « skip ».");
            };
            try (InputStream body = new Bounded(request.getInputStream(), MAX_ZIP_BYTES)) {
                return isoImport.importArchive(IsoArchive.read(body), skip);
            }
        }
        throw CatalogProblem.unsupportedType(type.isEmpty() ? "(aucun)" : type, ACCEPTED);
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static byte[] readAll(HttpServletRequest request, long max) throws IOException {
        if (request.getContentLengthLong() > max) {
            throw tooLarge(max);
        }
        try (InputStream in = new Bounded(request.getInputStream(), max)) {
            return in.readAllBytes();
        }
    }

    private static CatalogProblem tooLarge(long max) {
        return CatalogProblem.tooLarge("L'envoi dépasse la taille maximale acceptée (" + max / (1024 * 1024) + " Mo).");
    }

    /**
     * Fails with 413 as soon as more than {@code max} bytes have been read: the upload is refused, never silently
     * cut. Not commons-io's {@code BoundedInputStream}: it checks its bound before reading, so a body of exactly
     * {@code max} bytes would fail on its final end-of-stream read. {@link ProxyInputStream} reports every read,
     * single bytes and arrays alike, to {@link #afterRead}.
     */
    static final class Bounded extends ProxyInputStream {
        private final long max;
        private long count;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        protected void afterRead(int n) {
            if (n > 0) {
                count += n;
                if (count > max) {
                    throw tooLarge(max);
                }
            }
        }
    }
}
