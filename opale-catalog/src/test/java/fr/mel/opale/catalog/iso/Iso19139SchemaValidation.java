package fr.mel.opale.catalog.iso;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.testing.SharedTestData;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates documents against the official ISO 19139 schemas (gmd, gmx, srv 1.0, GML 3.2.1) of the shared data
 * ({@code data/validators/iso19139/iso19139-all.xsd}) with the JDK's W3C XML Schema validator, <em>offline</em>:
 * every schema and document resource is resolved through {@link LocalOnly}, which refuses anything that is not a
 * local file, so a schema import left pointing to the web fails instead of being fetched. The compiled schema is
 * loaded once (about 0.3 s) and shared; {@link Schema} is thread-safe.
 */
final class Iso19139SchemaValidation {
    private static Schema schema;

    private Iso19139SchemaValidation() {
    }

    /** The entry-point XSD, shared data: missing, skips the calling test or fails it (see {@link SharedTestData}). */
    static Path entryPoint() {
        return SharedTestData.file("validators/iso19139/iso19139-all.xsd");
    }

    static synchronized Schema schema() {
        if (schema == null) {
            schema = compile(entryPoint());
        }
        return schema;
    }

    /** Compiles a schema with network access refused (at the factory and through the resolver). */
    static Schema compile(Path xsd) {
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setResourceResolver(new LocalOnly());
            return factory.newSchema(xsd.toFile());
        } catch (SAXException e) {
            throw new IllegalStateException("Schéma ISO 19139 illisible : " + e.getMessage(), e);
        }
    }

    /** Every validation error of the document, as "line:column message"; empty when valid. */
    static List<String> errors(byte[] xml) {
        List<String> errors = new ArrayList<>();
        try {
            Validator validator = schema().newValidator();
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setResourceResolver(new LocalOnly());
            validator.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                }

                @Override
                public void error(SAXParseException e) {
                    errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
                }

                @Override
                public void fatalError(SAXParseException e) {
                    error(e);
                }
            });
            validator.validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (SAXException e) {
            if (errors.isEmpty()) {
                errors.add(e.getMessage());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return errors;
    }

    /**
     * Checks the document and, when the system property {@code opale.iso.dump} names a directory, leaves it there as
     * {@code <name>.xml}, to look at it or to check it with another validator
     * ({@code xmllint --nonet --noout --schema …/iso19139-all.xsd *.xml}).
     */
    static void assertValid(byte[] xml, String what) {
        String dump = System.getProperty("opale.iso.dump");
        if (dump != null && !dump.isBlank()) {
            try {
                Path dir = Files.createDirectories(Path.of(dump));
                Files.write(dir.resolve(what.replaceAll("[^\\p{L}\\p{N}._-]+", "_") + ".xml"), xml);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        assertThat(errors(xml)).as("erreurs de validation ISO 19139 de %s", what).isEmpty();
    }

    /** Lets the default resolution load local files and refuses every other scheme (http, https, jar...). */
    static final class LocalOnly implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String namespace, String publicId, String systemId,
                                       String baseUri) {
            if (systemId == null) {
                return null;
            }
            URI resolved = baseUri == null ? URI.create(systemId) : URI.create(baseUri).resolve(systemId);
            String scheme = resolved.getScheme() == null ? "" : resolved.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("file")) {
                throw new IllegalStateException("Ressource non locale refusée : " + resolved);
            }
            return null;
        }
    }
}
