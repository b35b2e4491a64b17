package fr.mel.opale.catalog.iso;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Namespace-aware DOM parsers that are safe on untrusted XML: DOCTYPE declarations are refused outright (which
 * stops XXE, external DTDs and "billion laughs" entity bombs before any expansion), external entities and
 * schemas cannot be fetched, XInclude is off, and the JDK's secure-processing limits apply.
 *
 * <p>Always the JDK's built-in parser ({@link DocumentBuilderFactory#newDefaultInstance()}), whatever XML library
 * happens to be on the class path: the features set here are the JDK's, and a different parser could silently
 * ignore one of them.
 */
public final class SecureXml {
    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER_ENTITIES =
            "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    private SecureXml() {
    }

    /**
     * A new hardened, namespace-aware, non-validating builder. Builders are not thread-safe: take one per parse
     * (or per thread). Its error handler throws on errors instead of printing them on the console.
     *
     * @throws IllegalStateException if the JDK parser refuses one of the security features (never expected)
     */
    public static DocumentBuilder newDocumentBuilder() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            factory.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            factory.setFeature(LOAD_EXTERNAL_DTD, false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            // CDATA sections become plain text so that text() sees one node; comments are noise for a reader.
            factory.setCoalescing(true);
            factory.setIgnoringComments(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(THROWING);
            return builder;
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new IllegalStateException("Le parseur XML du JDK refuse une option de sécurité", e);
        }
    }

    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // Warnings (e.g. an unknown encoding alias the parser still handles) do not stop a lenient reader.
        }

        @Override
        public void error(SAXParseException exception) throws SAXParseException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXParseException {
            throw exception;
        }
    };
}
