package fr.mel.opale.thesaurus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A thesaurus as listed: what it is, where it came from, how many concepts it has.
 *
 * @param id              stable slug ({@code categories}, {@code gemet-theme}...), used in addresses
 * @param schemeUri       the URI of its {@code skos:ConceptScheme}, unique
 * @param titles          language to title
 * @param aliases         other URIs, identifiers and titles under which records cite it (GeoNetwork registry keys,
 *                        former scheme URI or titles after a replacement); matched case- and accent-insensitively
 * @param format          the syntax of the file it was imported from ({@code turtle} or {@code rdfxml})
 * @param importedAt      when it was imported or last replaced
 * @param conceptCount    number of concepts
 * @param usageCategories whether it is the usage-category thesaurus (the one search facets and the home tiles use)
 */
public record ThesaurusSummary(String id, String schemeUri, Map<String, String> titles, List<String> aliases,
                               String format, Instant importedAt, int conceptCount, boolean usageCategories) {
    public ThesaurusSummary {
        titles = Map.copyOf(titles);
        aliases = List.copyOf(aliases);
    }

    /** The title in {@code lang}, else French, English, untagged, any, else the id. */
    public String title(String lang) {
        for (String candidate : new String[] {lang, "fr", "en", "und"}) {
            String title = titles.get(candidate);
            if (title != null) {
                return title;
            }
        }
        return titles.values().stream().sorted().findFirst().orElse(id);
    }
}
