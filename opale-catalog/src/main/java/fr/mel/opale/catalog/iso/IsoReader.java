package fr.mel.opale.catalog.iso;

import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.SourceInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads one ISO metadata record, ISO 19139 ({@code gmd:MD_Metadata}) or ISO 19115-3 ({@code mdb:MD_Metadata},
 * 1.0 and 2.0), into a {@link CatalogRecord}. Also accepts a wrapper holding exactly one record (a CSW
 * {@code GetRecordByIdResponse}, for instance).
 *
 * <p>Lenient on content (missing or empty elements, {@code gco:nilReason}, stray whitespace, unusual prefixes or a
 * default namespace, partial dates, out-of-range boxes are skipped), strict on form and safety: the input is
 * bounded to {@link #MAX_BYTES}, must be well-formed, and may not declare a DOCTYPE.
 *
 * <p>Thread-safe and reusable: it holds no state but its clock.
 */
public final class IsoReader {
    /** The largest document accepted, in bytes. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    public static final String ISO_19139 = "ISO 19139";
    public static final String ISO_19115_3 = "ISO 19115-3";

    private static final Pattern DOCTYPE_IN_PROLOG =
            Pattern.compile("^(?:\\s|<\\?.*?\\?>|<!--.*?-->)*<!DOCTYPE", Pattern.DOTALL);
    /** How deep below a wrapper root (CSW response, search results) a record is looked for. */
    private static final int WRAPPER_DEPTH = 3;

    private final Clock clock;

    public IsoReader() {
        this(Clock.systemUTC());
    }

    /** @param clock gives {@link SourceInfo#importedAt()} */
    public IsoReader(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    /**
     * Reads a record.
     *
     * @param xml      the document's bytes; its encoding comes from its XML declaration (UTF-8 by default)
     * @param fileName the file or ZIP entry it came from, kept in {@link SourceInfo} and in errors; may be null
     * @return the record; never null, its {@code source} says which standard it was read from
     * @throws InvalidMetadata when the document is empty, too large, not well-formed, declares a DOCTYPE, is not an
     *                         ISO record (a stand-alone ISO 19110 feature catalogue included), or has no identifier
     */
    public CatalogRecord read(byte[] xml, @Nullable String fileName) {
        Objects.requireNonNull(xml, "xml");
        if (xml.length > MAX_BYTES) {
            throw new InvalidMetadata(InvalidMetadata.Reason.TOO_LARGE,
                    "Le document dépasse la taille maximale acceptée (" + MAX_BYTES / (1024 * 1024) + " Mo)",
                    fileName);
        }
        if (isBlank(xml)) {
            throw new InvalidMetadata(InvalidMetadata.Reason.EMPTY, "Le document est vide", fileName);
        }
        Element metadata = metadataElement(parse(xml, fileName), fileName);
        RecordMapping mapping = new RecordMapping(metadata);
        String id = mapping.id();
        if (id == null) {
            throw new InvalidMetadata(InvalidMetadata.Reason.NO_IDENTIFIER,
                    "Fiche sans identifiant (fileIdentifier) ni titre", fileName);
        }
        return mapping.record(id, new SourceInfo(mapping.standard(), null, fileName, clock.instant()));
    }

    private static Document parse(byte[] xml, @Nullable String fileName) {
        try {
            return SecureXml.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            if (declaresDoctype(xml)) {
                throw new InvalidMetadata(InvalidMetadata.Reason.DOCTYPE,
                        "Les déclarations DOCTYPE (DTD, entités) sont refusées pour des raisons de sécurité",
                        fileName, e);
            }
            throw new InvalidMetadata(InvalidMetadata.Reason.MALFORMED, "XML mal formé ligne " + e.getLineNumber()
                    + ", colonne " + e.getColumnNumber() + " : " + e.getMessage(), fileName, e);
        } catch (SAXException | IOException e) {
            throw new InvalidMetadata(InvalidMetadata.Reason.MALFORMED, "XML illisible : " + e.getMessage(),
                    fileName, e);
        }
    }

    /**
     * The record element: the root when it is one, else the single record inside a wrapper. A stand-alone
     * {@code FC_FeatureCatalogue} is refused with its own reason so that a bulk import can skip it quietly.
     */
    private static Element metadataElement(Document document, @Nullable String fileName) {
        Element root = document.getDocumentElement();
        if (isRecord(root)) {
            return root;
        }
        if ("FC_FeatureCatalogue".equals(Dom.localName(root))) {
            throw new InvalidMetadata(InvalidMetadata.Reason.FEATURE_CATALOGUE,
                    "Ce document est un catalogue d'attributs ISO 19110 (FC_FeatureCatalogue), pas une fiche de "
                            + "métadonnées : il n'est pas importé", fileName);
        }
        List<Element> records = new ArrayList<>();
        findRecords(root, 1, records);
        if (records.size() == 1) {
            return records.get(0);
        }
        if (records.size() > 1) {
            throw new InvalidMetadata(InvalidMetadata.Reason.NOT_ISO, "Ce document contient " + records.size()
                    + " fiches (élément racine « " + root.getTagName() + " ») : une seule est attendue par fichier",
                    fileName);
        }
        throw new InvalidMetadata(InvalidMetadata.Reason.NOT_ISO,
                "Ce document n'est pas une fiche ISO 19139 ni ISO 19115-3 (élément racine « " + root.getTagName()
                        + " »)", fileName);
    }

    private static void findRecords(Element parent, int depth, List<Element> records) {
        for (Element child : Dom.children(parent, "*")) {
            if (isRecord(child)) {
                records.add(child);
            } else if (depth < WRAPPER_DEPTH) {
                findRecords(child, depth + 1, records);
            }
        }
    }

    /** {@code MD_Metadata}, or {@code MI_Metadata} (its imagery extension), in any namespace. */
    private static boolean isRecord(Element element) {
        String name = Dom.localName(element);
        return name.equals("MD_Metadata") || name.equals("MI_Metadata");
    }

    private static boolean isBlank(byte[] xml) {
        int start = hasUtf8Bom(xml) ? 3 : 0;
        for (int i = start; i < xml.length; i++) {
            byte b = xml[i];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t' && b != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the prolog holds a DOCTYPE. Checked on the bytes because the parser's own message is localised and
     * may change between JDKs; any ASCII-compatible encoding reads the same here.
     */
    private static boolean declaresDoctype(byte[] xml) {
        int start = hasUtf8Bom(xml) ? 3 : 0;
        int length = Math.min(xml.length - start, 64 * 1024);
        String prolog = new String(xml, start, length, StandardCharsets.ISO_8859_1);
        return DOCTYPE_IN_PROLOG.matcher(prolog).find();
    }

    private static boolean hasUtf8Bom(byte[] xml) {
        return xml.length >= 3 && xml[0] == (byte) 0xEF && xml[1] == (byte) 0xBB && xml[2] == (byte) 0xBF;
    }
}
