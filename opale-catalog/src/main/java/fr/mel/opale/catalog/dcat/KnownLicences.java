package fr.mel.opale.catalog.dcat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Recognises the licences French open data actually uses — Licence Ouverte (Etalab), ODbL, Creative Commons —
 * from a label or a URL, whatever the spelling, and names each by its canonical URI so that harvesters see one
 * licence where sources write a dozen variants ("LO 2.0", "licence ouverte v2", "ODbL", a PDF link...).
 * Public because search facets on the same recognised licences.
 */
public final class KnownLicences {
    static final String LICENCE_OUVERTE_2 = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";
    static final String LICENCE_OUVERTE_1 = "https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf";
    static final String ODBL = "https://opendatacommons.org/licenses/odbl/1-0/";
    static final String CC0 = "https://creativecommons.org/publicdomain/zero/1.0/";

    private static final Pattern CREATIVE_COMMONS = Pattern.compile(
            "\\b(?:cc|creative ?commons|creativecommons\\.org/licen[cs]es)[ /_-]*(by(?:[ _-]?(?:nc|sa|nd))*)[ /_-]*(?:v|version)?[ ]?(\\d(?:[.,]\\d)?)?");

    private static final Pattern LICENCE_OUVERTE_VERSION = Pattern.compile(
            "(?:licence[ _-]ouverte|open licence|etalab|\\blo\\b)[^0-9]{0,25}?(?:\\bv|version ?)?([12])(?:[.,]0)?(?![0-9])");

    private KnownLicences() {
    }

    /** A licence: its canonical URI and the label to show, both never null. */
    public record Licence(String uri, String label) {
    }

    /**
     * The licence named by {@code text} or {@code url}, or null when neither names a licence we know.
     * A text naming none ("Pas de restriction d'accès public") gives null even if it mentions "licence".
     */
    public static @Nullable Licence recognise(@Nullable String text, @Nullable String url) {
        String haystack = normalise((text == null ? "" : text) + " " + (url == null ? "" : url));
        if (haystack.contains("licence ouverte") || haystack.contains("open licence") || haystack.contains("etalab")
                || haystack.contains("licence_ouverte") || haystack.matches(".*\\blo ?v?[12](\\.0)?\\b.*")) {
            // The text's version wins over the URL's: sources often link the 1.0 PDF while stating 2.0.
            int version = licenceOuverteVersion(text);
            if (version == 0) {
                version = licenceOuverteVersion(url);
            }
            return version == 1 ? new Licence(LICENCE_OUVERTE_1, "Licence Ouverte / Open Licence 1.0")
                    : new Licence(LICENCE_OUVERTE_2, "Licence Ouverte / Open Licence 2.0");
        }
        if (haystack.contains("odbl") || haystack.contains("open database licen")) {
            return new Licence(ODBL, "Open Database License (ODbL) 1.0");
        }
        if (haystack.contains("cc0") || haystack.contains("publicdomain/zero")) {
            return new Licence(CC0, "Creative Commons Zero 1.0 (CC0)");
        }
        Matcher cc = CREATIVE_COMMONS.matcher(haystack);
        if (cc.find()) {
            String variant = cc.group(1).replaceAll("[ _]", "-").replace("--", "-");
            String version = cc.group(2) == null ? "4.0" : cc.group(2).replace(',', '.');
            if (!version.contains(".")) {
                version = version + ".0";
            }
            return new Licence("https://creativecommons.org/licenses/" + variant + "/" + version + "/",
                    "Creative Commons " + variant.toUpperCase(Locale.ROOT) + " " + version);
        }
        return null;
    }

    /** 1 or 2 when the text names a Licence Ouverte version ("LO 2.0", "licence ouverte ETALAB 1.0", "-v2.0.pdf"), else 0. */
    private static int licenceOuverteVersion(@Nullable String value) {
        if (value == null) {
            return 0;
        }
        String text = normalise(value);
        if (text.contains("licence_ouverte.pdf")) {
            return 1;
        }
        Matcher version = LICENCE_OUVERTE_VERSION.matcher(text);
        return version.find() ? Integer.parseInt(version.group(1)) : 0;
    }

    private static String normalise(String value) {
        String ascii = Normalizer.normalize(value, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return ascii.toLowerCase(Locale.ROOT).replace("license", "licence").replaceAll("\\s+", " ");
    }
}
