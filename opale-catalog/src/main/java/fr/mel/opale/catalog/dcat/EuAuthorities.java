package fr.mel.opale.catalog.dcat;

import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import org.jspecify.annotations.Nullable;

/**
 * Maps ISO 19115 code-list values onto the EU Publications Office authority tables DCAT-AP recommends
 * (frequency, language, access-right), so harvesters such as data.europa.eu recognise them without a crosswalk.
 * Unknown values give {@code null}: the exporter then leaves the property out rather than guess.
 */
final class EuAuthorities {
    static final String FREQUENCY = DcatApTerms.EU_AUTHORITY + "frequency/";
    static final String LANGUAGE = DcatApTerms.EU_AUTHORITY + "language/";
    static final String ACCESS_RIGHT = DcatApTerms.EU_AUTHORITY + "access-right/";

    /** ISO MD_MaintenanceFrequencyCode (19139 and 19115-3 spellings) to EU frequency codes, as GeoDCAT-AP maps them. */
    private static final Map<String, String> FREQUENCIES = Map.ofEntries(
            Map.entry("continual", "UPDATE_CONT"),
            Map.entry("daily", "DAILY"),
            Map.entry("weekly", "WEEKLY"),
            Map.entry("fortnightly", "BIWEEKLY"),
            Map.entry("semimonthly", "MONTHLY_2"),
            Map.entry("monthly", "MONTHLY"),
            Map.entry("quarterly", "QUARTERLY"),
            Map.entry("biannually", "ANNUAL_2"),
            Map.entry("annually", "ANNUAL"),
            Map.entry("biennially", "BIENNIAL"),
            Map.entry("asneeded", "IRREG"),
            Map.entry("irregular", "IRREG"),
            Map.entry("notplanned", "NEVER"),
            Map.entry("unknown", "UNKNOWN"));

    /** ISO 639-2/B codes (seen in older ISO 19139 records) to the 639-2/T codes the EU table is built on. */
    private static final Map<String, String> BIBLIOGRAPHIC_TO_TERMINOLOGY = Map.ofEntries(
            Map.entry("fre", "fra"), Map.entry("ger", "deu"), Map.entry("dut", "nld"), Map.entry("cze", "ces"),
            Map.entry("gre", "ell"), Map.entry("chi", "zho"), Map.entry("rum", "ron"), Map.entry("slo", "slk"),
            Map.entry("alb", "sqi"), Map.entry("baq", "eus"), Map.entry("ice", "isl"), Map.entry("mac", "mkd"),
            Map.entry("wel", "cym"), Map.entry("per", "fas"), Map.entry("arm", "hye"), Map.entry("geo", "kat"));

    private EuAuthorities() {
    }

    /** The EU frequency URI for an ISO maintenance frequency code, or null when unknown. */
    static @Nullable String frequency(@Nullable String isoCode) {
        if (isoCode == null) {
            return null;
        }
        String code = FREQUENCIES.get(isoCode.strip().toLowerCase(Locale.ROOT));
        return code == null ? null : FREQUENCY + code;
    }

    /**
     * The EU language URI ({@code .../language/FRA}) for a two- or three-letter code ({@code fr}, {@code fre},
     * {@code fra}), or null when the code is not a language.
     */
    static @Nullable String language(@Nullable String code) {
        String iso3 = iso639Terminology(code);
        return iso3 == null ? null : LANGUAGE + iso3.toUpperCase(Locale.ROOT);
    }

    /** The BCP 47 tag for an RDF literal: two letters when Java knows one, else the code as given if well-formed. */
    static @Nullable String literalLanguage(@Nullable String code) {
        if (code == null) {
            return null;
        }
        String value = code.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        if (value.length() == 3) {
            String iso3 = iso639Terminology(value);
            for (String iso2 : Locale.getISOLanguages()) {
                if (iso3 != null && iso3.equals(threeLetters(iso2))) {
                    return iso2;
                }
            }
        }
        return value.matches("[a-z]{2,3}(-[a-z0-9]{1,8})*") ? value : null;
    }

    private static @Nullable String iso639Terminology(@Nullable String code) {
        if (code == null) {
            return null;
        }
        String value = code.strip().toLowerCase(Locale.ROOT);
        int dash = value.indexOf('-');
        if (dash > 0) {
            value = value.substring(0, dash);
        }
        if (value.length() == 2) {
            return threeLetters(value);
        }
        if (value.length() == 3 && value.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return BIBLIOGRAPHIC_TO_TERMINOLOGY.getOrDefault(value, value);
        }
        return null;
    }

    private static @Nullable String threeLetters(String iso2) {
        try {
            String iso3 = new Locale(iso2).getISO3Language();
            return iso3.isEmpty() || iso3.equals(iso2) ? null : iso3;
        } catch (MissingResourceException unknown) {
            return null;
        }
    }
}
