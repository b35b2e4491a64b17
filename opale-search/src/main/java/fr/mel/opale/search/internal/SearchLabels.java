package fr.mel.opale.search.internal;

import fr.mel.opale.quality.QualityBand;
import fr.mel.opale.search.Facet;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.springframework.stereotype.Component;

/**
 * Labels of the fixed facet values (kinds, frequencies, geographic or not) in French, or English when asked, from
 * {@code i18n/search*.properties}; quality bands from the quality module: the module's own bundle, so the application's message source
 * needs no change. Unknown values are shown as they are.
 */
@Component
public class SearchLabels {
    private static final String BUNDLE = "i18n/search";

    public String label(Facet facet, String value, Locale language) {
        if (facet == Facet.QUALITY) {
            // The quality module names its bands (one wording for badges, dashboard and facets).
            for (QualityBand band : QualityBand.values()) {
                if (band.name().equalsIgnoreCase(value)) {
                    return band.label(language.getLanguage());
                }
            }
            return value;
        }
        String key = switch (facet) {
            case KIND -> "kind." + value;
            case FREQUENCY -> "frequency." + value;
            case GEO -> "geo." + value;
            default -> null;
        };
        if (key == null) {
            return value;
        }
        try {
            return bundle(language).getString(key);
        } catch (MissingResourceException unknown) {
            return value;
        }
    }

    private static ResourceBundle bundle(Locale language) {
        Locale locale = "en".equals(language.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        return ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
