package fr.mel.opale.catalog.iso;

import fr.mel.opale.catalog.model.OnlineResource;
import fr.mel.opale.catalog.model.ResourceKind;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The code lists and codes an ISO 19139 document names: where each code list lives, the ISO 639-2 language codes,
 * the topic categories the schema enumerates, EPSG references and the function of an online resource.
 */
final class IsoCodes {
    /** The ISO/TC 211 register holding every gmd and srv code list. */
    static final String CODE_LISTS = "http://standards.iso.org/iso/19139/resources/gmxCodelists.xml#";
    /** The Library of Congress register of ISO 639-2 codes, which INSPIRE and GeoNetwork name as the code list. */
    static final String LANGUAGES = "http://www.loc.gov/standards/iso639-2/";
    static final String EPSG_URI = "http://www.opengis.net/def/crs/EPSG/0/";

    /**
     * Two-letter to ISO 639-2/B codes, the bibliographic variant INSPIRE asks for ({@code fre}, {@code ger}, {@code
     * dut}); the reader accepts both variants, so this list only needs the languages Opale's records are written in.
     */
    private static final Map<String, String> THREE_LETTER = Map.ofEntries(
            Map.entry("fr", "fre"), Map.entry("en", "eng"), Map.entry("de", "ger"), Map.entry("nl", "dut"),
            Map.entry("it", "ita"), Map.entry("es", "spa"), Map.entry("pt", "por"), Map.entry("rm", "roh"),
            Map.entry("lb", "ltz"), Map.entry("br", "bre"), Map.entry("ca", "cat"), Map.entry("oc", "oci"),
            Map.entry("eu", "baq"), Map.entry("pl", "pol"), Map.entry("da", "dan"), Map.entry("sv", "swe"),
            Map.entry("fi", "fin"), Map.entry("el", "gre"), Map.entry("cs", "cze"), Map.entry("ro", "rum"),
            Map.entry("hu", "hun"), Map.entry("sk", "slo"), Map.entry("sl", "slv"), Map.entry("bg", "bul"),
            Map.entry("hr", "hrv"), Map.entry("et", "est"), Map.entry("lv", "lav"), Map.entry("lt", "lit"),
            Map.entry("ga", "gle"), Map.entry("mt", "mlt"));

    /** {@code MD_TopicCategoryCode} is an XSD enumeration, not a code list: any other value is a schema error. */
    private static final Set<String> TOPIC_CATEGORIES = Set.of("farming", "biota", "boundaries",
            "climatologyMeteorologyAtmosphere", "economy", "elevation", "environment", "geoscientificInformation",
            "health", "imageryBaseMapsEarthCover", "intelligenceMilitary", "inlandWaters", "location", "oceans",
            "planningCadastre", "society", "structure", "transportation", "utilitiesCommunication");

    /** A reference that is only an EPSG code, in one of its usual spellings. */
    private static final Pattern EPSG_REFERENCE = Pattern.compile("(?i)(?:EPSG\\s*:+\\s*|urn:ogc:def:crs:EPSG:[^:]*:"
            + "|https?://www\\.opengis\\.net/def/crs/EPSG/[^/]+/)?(\\d{4,6})");
    /** An EPSG code quoted inside a longer name, {@code RGF93 / Lambert-93 (EPSG:2154)}. */
    private static final Pattern EPSG_IN_NAME = Pattern.compile("(?i)\\bEPSG\\s*:+\\s*(\\d{4,6})\\b");

    private IsoCodes() {
    }

    /** The ISO 639-2 code of a two-letter code; a code that is not two letters long is kept as it is. */
    static String language(String code) {
        String lower = code.strip().toLowerCase(Locale.ROOT);
        return THREE_LETTER.getOrDefault(lower, lower);
    }

    static boolean isTopicCategory(String value) {
        return TOPIC_CATEGORIES.contains(value);
    }

    /**
     * The EPSG code named by a reference system ({@code EPSG:2154}, {@code urn:ogc:def:crs:EPSG::2154},
     * {@code http://www.opengis.net/def/crs/EPSG/0/2154}, {@code RGF93 / Lambert-93 (EPSG:2154)} or a bare
     * {@code 2154}); null when it names no EPSG code.
     */
    static @Nullable String epsgCode(String referenceSystem) {
        Matcher whole = EPSG_REFERENCE.matcher(referenceSystem.strip());
        if (whole.matches()) {
            return whole.group(1);
        }
        Matcher inName = EPSG_IN_NAME.matcher(referenceSystem);
        return inName.find() ? inName.group(1) : null;
    }

    /**
     * The {@code CI_OnLineFunctionCode} of a resource: its own when it has one, else what its kind implies.
     * {@code browsing} is not in ISO 19115:2003's list but is INSPIRE's and GeoNetwork's value for landing pages;
     * code lists are open strings in the schema. Null for kinds no code describes (services, APIs, others).
     */
    static @Nullable String function(OnlineResource resource) {
        if (resource.function() != null) {
            return resource.function();
        }
        return switch (resource.kind()) {
            case DOWNLOAD -> "download";
            case DOCUMENTATION -> "information";
            case LANDING_PAGE -> "browsing";
            case SERVICE, API, OTHER -> null;
        };
    }

    /** Whether a resource is where a service answers, the connect point of its operation. */
    static boolean isServiceEndpoint(OnlineResource resource) {
        return resource.kind() == ResourceKind.SERVICE || resource.kind() == ResourceKind.API;
    }
}
