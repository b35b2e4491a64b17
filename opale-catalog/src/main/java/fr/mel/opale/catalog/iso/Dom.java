package fr.mel.opale.catalog.iso;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Navigation in an ISO document by element <em>local names</em>, ignoring namespace URIs and prefixes: ISO 19139 and
 * ISO 19115-3 share most local names under different namespaces, and real records come with default namespaces,
 * unusual prefixes and several versions of gml and srv. Every method accepts a null element and then finds nothing,
 * so that a chain of lookups over a sparse record never needs a null check in between.
 *
 * <p>A path is a list of local names from one element to its descendants, one step per generation; {@code "*"}
 * matches any element (e.g. {@code first(md, "identificationInfo", "*", "citation")} finds the citation of a data
 * or a service identification).
 */
final class Dom {
    private static final String ANY = "*";
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern BLANK_LINES = Pattern.compile("\\n{3,}");

    private Dom() {
    }

    static String localName(Node node) {
        String local = node.getLocalName();
        if (local != null) {
            return local;
        }
        String name = node.getNodeName();
        return name.substring(name.indexOf(':') + 1);
    }

    /** The element children of {@code parent} named {@code name} (or all of them for {@code "*"}), in order. */
    static List<Element> children(@Nullable Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && matches(element, name)) {
                found.add(element);
            }
        }
        return found;
    }

    /** The first element at the end of {@code path} below {@code from}, exploring every branch in document order. */
    static @Nullable Element first(@Nullable Element from, String... path) {
        return first(from, path, 0);
    }

    private static @Nullable Element first(@Nullable Element from, String[] path, int step) {
        if (from == null || step == path.length) {
            return from;
        }
        for (Node child = from.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && matches(element, path[step])) {
                Element found = first(element, path, step + 1);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Every element at the end of {@code path} below {@code from}, in document order. */
    static List<Element> all(@Nullable Element from, String... path) {
        List<Element> found = new ArrayList<>();
        collect(from, path, 0, found);
        return found;
    }

    private static void collect(@Nullable Element from, String[] path, int step, List<Element> found) {
        if (from == null) {
            return;
        }
        if (step == path.length) {
            found.add(from);
            return;
        }
        for (Element child : children(from, path[step])) {
            collect(child, path, step + 1, found);
        }
    }

    /** Every descendant of {@code from} (not itself) named {@code name}, in document order. */
    static List<Element> descendants(@Nullable Element from, String name) {
        List<Element> found = new ArrayList<>();
        if (from != null) {
            collectDescendants(from, name, found);
        }
        return found;
    }

    private static void collectDescendants(Element from, String name, List<Element> found) {
        for (Node child = from.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                if (matches(element, name)) {
                    found.add(element);
                }
                collectDescendants(element, name, found);
            }
        }
    }

    /** An attribute by local name, any namespace ({@code xlink:href}, {@code uuidref}...), stripped; null if blank. */
    static @Nullable String attr(@Nullable Element element, String localName) {
        if (element == null) {
            return null;
        }
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            if (localName.equals(localName(attribute))) {
                return strip(attribute.getValue());
            }
        }
        return null;
    }

    /**
     * The text of an ISO property: its {@code gco:CharacterString}, {@code gmx:Anchor}, {@code gmd:URL},
     * {@code gco:LocalName}, {@code gco:Date}... child (any leaf child element), or its own text when it has no child
     * element. An empty anchor gives its {@code xlink:title}, an empty {@code gmx:FileName} its {@code src}. When
     * there is only a {@code PT_FreeText}, its first non-blank translation. On one line: runs of whitespace (the
     * indentation XML editors put inside long titles and names) become one space. Null when blank or absent (so
     * {@code gco:nilReason} properties read as null).
     */
    static @Nullable String text(@Nullable Element property) {
        return oneLine(rawText(property));
    }

    /** Like {@link #text} but keeping line breaks, for abstracts and legal texts: see {@link #paragraphs}. */
    static @Nullable String paragraphText(@Nullable Element property) {
        return paragraphs(rawText(property));
    }

    /** The raw text of a property, else of its first non-blank translation; null when blank. */
    private static @Nullable String rawText(@Nullable Element property) {
        String plain = rawPlainText(property);
        if (plain != null || property == null) {
            return plain;
        }
        for (Element localised : descendants(property, "LocalisedCharacterString")) {
            String text = localised.getTextContent();
            if (!text.isBlank()) {
                return text;
            }
        }
        return null;
    }

    /** The raw text of a property without looking at its {@code PT_FreeText} translations; null when blank. */
    static @Nullable String rawPlainText(@Nullable Element property) {
        if (property == null) {
            return null;
        }
        boolean hasChildElement = false;
        for (Node child = property.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element) {
                hasChildElement = true;
                String text = isLeaf(element) ? leafText(element) : null;
                if (text != null) {
                    return text;
                }
            }
        }
        String own = property.getTextContent();
        return hasChildElement || own.isBlank() ? null : own;
    }

    private static @Nullable String leafText(Element leaf) {
        String text = leaf.getTextContent();
        if (!text.isBlank()) {
            return text;
        }
        return switch (localName(leaf)) {
            case "Anchor" -> attr(leaf, "title");
            case "FileName" -> attr(leaf, "src");
            default -> null;
        };
    }

    /** {@code text} on one line: stripped, whitespace runs collapsed to one space; null when blank. */
    static @Nullable String oneLine(@Nullable String text) {
        String stripped = strip(text);
        return stripped == null ? null : WHITESPACE.matcher(stripped).replaceAll(" ");
    }

    /**
     * {@code text} as paragraphs: trailing spaces and the indentation common to all lines after the first (the XML
     * element's indentation) are removed, more than one empty line in a row becomes one; other line breaks and
     * indentation (Markdown lists) are kept. Null when blank.
     */
    static @Nullable String paragraphs(@Nullable String text) {
        String stripped = strip(text);
        if (stripped == null) {
            return null;
        }
        String[] lines = stripped.split("\\R", -1);
        int common = Integer.MAX_VALUE;
        for (int i = 1; i < lines.length; i++) {
            lines[i] = lines[i].stripTrailing();
            if (!lines[i].isEmpty()) {
                common = Math.min(common, lines[i].length() - lines[i].stripLeading().length());
            }
        }
        StringBuilder joined = new StringBuilder(lines[0].stripTrailing());
        for (int i = 1; i < lines.length; i++) {
            joined.append('\n').append(lines[i].isEmpty() ? "" : lines[i].substring(common));
        }
        return BLANK_LINES.matcher(joined).replaceAll("\n\n");
    }

    /** {@link #text} of the element at the end of {@code path}. */
    static @Nullable String text(@Nullable Element from, String... path) {
        return text(first(from, path));
    }

    /** The {@code xlink:href} of a property's anchor (or of the property itself), null when none. */
    static @Nullable String href(@Nullable Element property) {
        if (property == null) {
            return null;
        }
        for (Element child : children(property, ANY)) {
            String href = attr(child, "href");
            if (href != null && isLeaf(child)) {
                return href;
            }
        }
        return attr(property, "href");
    }

    /**
     * The value of a code-list property ({@code <gmd:status><gmd:MD_ProgressCode codeListValue="onGoing"/>}): the
     * {@code codeListValue} of its code element, else that element's text, else the property's own text. Accepts
     * the code element itself too.
     */
    static @Nullable String code(@Nullable Element property) {
        if (property == null) {
            return null;
        }
        String value = attr(property, "codeListValue");
        if (value != null) {
            return value;
        }
        for (Element child : children(property, ANY)) {
            String childValue = attr(child, "codeListValue");
            if (childValue == null) {
                childValue = strip(child.getTextContent());
            }
            if (childValue != null) {
                return childValue;
            }
        }
        return text(property);
    }

    /** {@link #code} of the element at the end of {@code path}. */
    static @Nullable String code(@Nullable Element from, String... path) {
        return code(first(from, path));
    }

    static @Nullable String strip(@Nullable String value) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    private static boolean isLeaf(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Element element, String name) {
        return ANY.equals(name) || name.equals(localName(element));
    }
}
