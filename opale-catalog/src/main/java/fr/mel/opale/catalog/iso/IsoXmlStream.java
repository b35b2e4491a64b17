package fr.mel.opale.catalog.iso;

import fr.mel.opale.catalog.model.LocalizedText;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.jspecify.annotations.Nullable;

/**
 * One ISO 19139 document being written: the StAX writer plus the patterns ISO repeats everywhere (a property
 * wrapping a {@code gco:CharacterString}, an anchor, a code-list value, a nil reason, a multilingual text). Values
 * pass through {@link SchemaValues} so that what cannot be valid is left out rather than written. One instance per
 * document; not thread-safe.
 */
final class IsoXmlStream {
    static final String GMD = "http://www.isotc211.org/2005/gmd";
    static final String GCO = "http://www.isotc211.org/2005/gco";
    static final String GMX = "http://www.isotc211.org/2005/gmx";
    static final String SRV = "http://www.isotc211.org/2005/srv";
    static final String GML = "http://www.opengis.net/gml/3.2";
    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String XSI = XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI;
    /** Namespace to prefix, in the order the root declares them (fixed, so that the output is reproducible). */
    static final Map<String, String> PREFIXES = orderedPrefixes();

    private final XMLStreamWriter xml;
    private final String mainLanguage;
    /** The {@code PT_Locale} id declared for each language other than the main one. */
    private final Map<String, String> localeIds;
    /** Indentation state: ISO elements hold either elements or text, never both, so whitespace is harmless. */
    private int depth;
    private boolean childless;

    IsoXmlStream(XMLStreamWriter xml, String mainLanguage, Map<String, String> localeIds) {
        this.xml = xml;
        this.mainLanguage = mainLanguage;
        this.localeIds = localeIds;
    }

    private static Map<String, String> orderedPrefixes() {
        Map<String, String> prefixes = new LinkedHashMap<>();
        prefixes.put(GMD, "gmd");
        prefixes.put(GCO, "gco");
        prefixes.put(GMX, "gmx");
        prefixes.put(SRV, "srv");
        prefixes.put(GML, "gml");
        prefixes.put(XLINK, "xlink");
        prefixes.put(XSI, "xsi");
        return Collections.unmodifiableMap(prefixes);
    }

    /** The id a {@code PT_Locale} of {@code language} carries: {@code EN} for {@code en}, always a valid NCName. */
    static String localeId(String language) {
        String id = language.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9._-]", "_");
        return Character.isLetter(id.isEmpty() ? '0' : id.charAt(0)) ? id : "L" + id;
    }

    String mainLanguage() {
        return mainLanguage;
    }

    Map<String, String> localeIds() {
        return localeIds;
    }

    void startRoot(String namespace, String name) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        start(namespace, name);
        for (Map.Entry<String, String> prefix : PREFIXES.entrySet()) {
            xml.writeNamespace(prefix.getValue(), prefix.getKey());
        }
    }

    void start(String namespace, String name) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
        xml.writeStartElement(PREFIXES.get(namespace), name, namespace);
        depth++;
        childless = true;
    }

    void end() throws XMLStreamException {
        depth--;
        if (!childless) {
            xml.writeCharacters("\n" + "  ".repeat(depth));
        }
        xml.writeEndElement();
        childless = false;
    }

    void endDocument() throws XMLStreamException {
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.flush();
    }

    void attribute(String name, String value) throws XMLStreamException {
        xml.writeAttribute(name, SchemaValues.xmlText(value));
    }

    void attribute(String namespace, String name, String value) throws XMLStreamException {
        xml.writeAttribute(PREFIXES.get(namespace), namespace, name, SchemaValues.xmlText(value));
    }

    void characters(String text) throws XMLStreamException {
        xml.writeCharacters(SchemaValues.xmlText(text));
    }

    /** {@code <ns:name gco:nilReason="reason"/>}: a mandatory property with nothing to say. */
    void nil(String namespace, String name, String reason) throws XMLStreamException {
        start(namespace, name);
        attribute(GCO, "nilReason", reason);
        end();
    }

    /** {@code <ns:name><gco:CharacterString>text</gco:CharacterString></ns:name>}; nothing when text is null. */
    void string(String namespace, String name, @Nullable String text) throws XMLStreamException {
        if (text != null) {
            start(namespace, name);
            simple(GCO, "CharacterString", text);
            end();
        }
    }

    /** Like {@link #string} but a mandatory property: nil ({@code missing}) when there is no text. */
    void requiredString(String namespace, String name, @Nullable String text) throws XMLStreamException {
        if (text == null) {
            nil(namespace, name, "missing");
        } else {
            string(namespace, name, text);
        }
    }

    /**
     * A text that may point to a definition: {@code gmx:Anchor} when the URI is a valid one (its text may then be
     * empty), else {@code gco:CharacterString}; nothing when there is neither text nor usable URI.
     */
    void anchored(String namespace, String name, @Nullable String text, @Nullable String uri)
            throws XMLStreamException {
        String href = SchemaValues.uri(uri);
        if (href == null && text == null) {
            return;
        }
        start(namespace, name);
        anchorOrString(text, href);
        end();
    }

    private void anchorOrString(@Nullable String text, @Nullable String href) throws XMLStreamException {
        if (href == null) {
            simple(GCO, "CharacterString", text == null ? "" : text);
            return;
        }
        start(GMX, "Anchor");
        attribute(XLINK, "href", href);
        if (text != null) {
            characters(text);
        }
        end();
    }

    /**
     * A multilingual text: the main language as {@code gco:CharacterString} (or an anchor when {@code uri} is
     * usable), the other languages as a {@code PT_FreeText} pointing to their {@code PT_Locale}, the property then
     * typed {@code gmd:PT_FreeText_PropertyType} as the schema wants. A text without its main-language version
     * carries its translations alone. Empty: nil ({@code missing}) when {@code required}, else nothing.
     */
    void text(String namespace, String name, LocalizedText value, @Nullable String uri, boolean required)
            throws XMLStreamException {
        String href = SchemaValues.uri(uri);
        if (value.isEmpty() && href == null) {
            if (required) {
                nil(namespace, name, "missing");
            }
            return;
        }
        String main = value.values().get(mainLanguage);
        Map<String, String> translations = value.values();
        boolean translated = translations.keySet().stream()
                .anyMatch(language -> !language.equals(mainLanguage) && localeIds.containsKey(language));
        start(namespace, name);
        if (translated) {
            attribute(XSI, "type", "gmd:PT_FreeText_PropertyType");
        }
        if (main != null || href != null || !translated) {
            anchorOrString(main != null ? main : translated ? null : value.text(), href);
        }
        if (translated) {
            start(GMD, "PT_FreeText");
            for (Map.Entry<String, String> translation : translations.entrySet()) {
                String localeId = localeIds.get(translation.getKey());
                if (!translation.getKey().equals(mainLanguage) && localeId != null) {
                    start(GMD, "textGroup");
                    start(GMD, "LocalisedCharacterString");
                    attribute("locale", "#" + localeId);
                    characters(translation.getValue());
                    end();
                    end();
                }
            }
            end();
        }
        end();
    }

    /**
     * {@code <ns:name><gmd:List codeList="…#List" codeListValue="value">value</gmd:List></ns:name>} for a code-list
     * value; nothing when value is null. Code lists are open strings in the schema, so any value is valid.
     */
    void code(String namespace, String name, String listNamespace, String list, @Nullable String value)
            throws XMLStreamException {
        if (value == null) {
            return;
        }
        start(namespace, name);
        codeValue(listNamespace, list, IsoCodes.CODE_LISTS + list, value);
        end();
    }

    /** Like {@link #code} in the gmd namespace, nil ({@code missing}) when there is no value. */
    void requiredCode(String name, String list, @Nullable String value) throws XMLStreamException {
        if (value == null) {
            nil(GMD, name, "missing");
        } else {
            code(GMD, name, GMD, list, value);
        }
    }

    void codeValue(String listNamespace, String list, String codeList, String value) throws XMLStreamException {
        start(listNamespace, list);
        attribute("codeList", codeList);
        attribute("codeListValue", value);
        characters(value);
        end();
    }

    /** A language as ISO 639-2 {@code gmd:LanguageCode}. */
    void language(String namespace, String name, String twoLetterCode) throws XMLStreamException {
        start(namespace, name);
        codeValue(GMD, "LanguageCode", IsoCodes.LANGUAGES, IsoCodes.language(twoLetterCode));
        end();
    }

    /** {@code <ns:name><gco:Date>…</gco:Date></ns:name>}, nil ({@code unknown}) for a date outside xs:date. */
    void date(String namespace, String name, @Nullable LocalDate date) throws XMLStreamException {
        String value = SchemaValues.date(date);
        if (value == null) {
            nil(namespace, name, "unknown");
        } else {
            start(namespace, name);
            simple(GCO, "Date", value);
            end();
        }
    }

    void decimal(String namespace, String name, double value) throws XMLStreamException {
        start(namespace, name);
        simple(GCO, "Decimal", SchemaValues.decimal(value));
        end();
    }

    /** {@code <ns:name><gmd:URL>…</gmd:URL></ns:name>}; false (and nothing written) when the URL cannot be valid. */
    boolean url(String namespace, String name, @Nullable String url) throws XMLStreamException {
        String value = SchemaValues.uri(url);
        if (value == null) {
            return false;
        }
        start(namespace, name);
        simple(GMD, "URL", value);
        end();
        return true;
    }

    /** An element holding only text. */
    void simple(String namespace, String name, String text) throws XMLStreamException {
        start(namespace, name);
        characters(text);
        end();
    }
}
