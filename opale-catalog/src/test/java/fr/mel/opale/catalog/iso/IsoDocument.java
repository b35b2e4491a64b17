package fr.mel.opale.catalog.iso;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** A written ISO 19139 document, parsed, queried with XPath over the usual prefixes. */
final class IsoDocument {
    private final Document document;
    private final XPath xpath;

    IsoDocument(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("Document mal formé : " + e.getMessage(), e);
        }
        xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                String uri = IsoXmlStream.PREFIXES.entrySet().stream().filter(e -> e.getValue().equals(prefix))
                        .map(java.util.Map.Entry::getKey).findFirst().orElse(XMLConstants.NULL_NS_URI);
                return uri;
            }

            @Override
            public String getPrefix(String namespaceUri) {
                return IsoXmlStream.PREFIXES.get(namespaceUri);
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceUri) {
                return List.of(getPrefix(namespaceUri)).iterator();
            }
        });
    }

    /** The string value of the expression ("" when nothing matches). */
    String text(String expression) {
        try {
            return xpath.evaluate(expression, document).strip();
        } catch (Exception e) {
            throw new AssertionError(expression, e);
        }
    }

    /** The string values of every node the expression selects. */
    List<String> texts(String expression) {
        try {
            NodeList nodes = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
            List<String> values = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                values.add(nodes.item(i).getTextContent().strip());
            }
            return values;
        } catch (Exception e) {
            throw new AssertionError(expression, e);
        }
    }

    int count(String expression) {
        return Integer.parseInt(text("count(" + expression + ")"));
    }
}
