package fr.mel.opale.web.catalogue;

import fr.mel.opale.catalog.model.RecordKind;
import fr.mel.opale.catalog.model.ResourceKind;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Human labels of the ISO 19115 code lists a record carries (frequencies, progress status, topic categories, roles,
 * restrictions...), of Opale's own kinds, and of language codes, in the page's language. The labels live in
 * {@code i18n/web*.properties} under {@code iso.<list>.<code>}; French ones follow the INSPIRE French translations.
 * A code with no label (a typo or an extension in an imported record) is shown as it is rather than hidden.
 */
@Component
public class IsoCodeLabels {
    /** ISO 639-2 bibliographic codes Java does not know, as met in ISO 19139 records. */
    private static final Map<String, String> BIBLIOGRAPHIC = Map.of("fre", "fr", "ger", "de", "dut", "nl",
            "chi", "zh", "cze", "cs", "gre", "el", "per", "fa", "wel", "cy", "rum", "ro", "slo", "sk");

    private final MessageSource messages;

    IsoCodeLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String kind(RecordKind kind, Locale locale) {
        return label("kind.", kind.name(), locale);
    }

    /** MD_MaintenanceFrequencyCode: continual → "En continu", asNeeded → "Selon les besoins"... */
    public String frequency(String code, Locale locale) {
        return label("iso.frequency.", code, locale);
    }

    /** MD_ProgressCode: onGoing → "En cours", completed → "Finalisé"... */
    public String status(String code, Locale locale) {
        return label("iso.status.", code, locale);
    }

    /** MD_TopicCategoryCode: transportation → "Infrastructures de transport"... */
    public String topic(String code, Locale locale) {
        return label("iso.topic.", code, locale);
    }

    /** CI_RoleCode: pointOfContact → "Point de contact"... */
    public String role(String code, Locale locale) {
        return label("iso.role.", code, locale);
    }

    /** MD_RestrictionCode: license → "Licence"... */
    public String restriction(String code, Locale locale) {
        return label("iso.restriction.", code, locale);
    }

    /** MD_KeywordTypeCode: theme → "Thème", place → "Lieu"... */
    public String keywordType(String code, Locale locale) {
        return label("iso.keywordType.", code, locale);
    }

    /** DS_AssociationTypeCode and Opale's own links (parent, operatesOn, featureCatalogue). */
    public String association(String code, Locale locale) {
        return label("iso.association.", code, locale);
    }

    /** SV_CouplingType: tight, loose, mixed. */
    public String coupling(String code, Locale locale) {
        return label("iso.coupling.", code, locale);
    }

    /** The heading under which online resources of this kind are grouped ("Télécharger", "API et services"...). */
    public String resourceGroup(ResourceKind kind, Locale locale) {
        ResourceKind group = kind == ResourceKind.SERVICE ? ResourceKind.API : kind;
        return label("resource.group.", group.name(), locale);
    }

    /** A language code (fr, fre, fra, en...) as a capitalised name in {@code locale}: "Français", "Anglais". */
    public String language(String code, Locale locale) {
        String normalised = code.strip().toLowerCase(Locale.ROOT);
        normalised = BIBLIOGRAPHIC.getOrDefault(normalised, normalised);
        String name = Locale.forLanguageTag(normalised).getDisplayLanguage(locale);
        if (name.isBlank() || name.equalsIgnoreCase(normalised)) {
            return code;
        }
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    private String label(String prefix, @Nullable String code, Locale locale) {
        if (code == null) {
            return "";
        }
        String label = messages.getMessage(prefix + code, null, code, locale);
        return label == null ? code : label;
    }
}
