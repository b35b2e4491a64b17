package fr.mel.opale.web.catalogue;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A whole record made ready for its page: code lists turned into labels, dates written out, Markdown turned into
 * safe HTML, links checked. Fields absent from the record are null or empty lists, and the page leaves them out.
 * Only {@link #abstractHtml} and {@link #lineageHtml} are HTML (sanitised by {@link MarkdownText}); every other
 * text is plain and escaped by the template.
 *
 * @param titleLang    language of the title when not the page's, for a {@code lang} attribute (RGAA 8.7)
 * @param abstractLang the same for the abstract
 * @param quality      the metadata quality score, null when the record's kind is not scored
 * @param categories   the record's usage categories, each a link to the catalogue filtered on it
 * @param formats      the formats as the search normalises them ("CSV", "Shapefile", "WMS"...), each a link to the
 *                     catalogue filtered on it
 */
public record RecordView(
        String id,
        String title,
        @Nullable String titleLang,
        String kind,
        String abstractHtml,
        @Nullable String abstractLang,
        List<String> identifiers,
        List<RecordCard.FilterLink> categories,
        List<KeywordGroup> keywordGroups,
        List<String> topics,
        @Nullable Party publisher,
        List<Party> contacts,
        @Nullable Link licence,
        List<String> accessConstraints,
        List<String> useLimitations,
        List<Link> otherConstraints,
        @Nullable String frequency,
        @Nullable String status,
        List<String> languages,
        @Nullable String created,
        @Nullable String published,
        @Nullable String revised,
        @Nullable String temporalStart,
        @Nullable String temporalEnd,
        @Nullable Box bbox,
        @Nullable String geometry,
        List<String> places,
        List<String> referenceSystems,
        List<String> scales,
        String lineageHtml,
        List<ResourceGroup> resourceGroups,
        List<RecordCard.FilterLink> formats,
        List<Overview> overviews,
        List<Related> related,
        @Nullable Service service,
        @Nullable String metadataDate,
        @Nullable Source source,
        String modified,
        @Nullable QualityView quality) {

    public boolean hasTemporalExtent() {
        return temporalStart != null || temporalEnd != null;
    }

    public boolean hasSpatialExtent() {
        return bbox != null || geometry != null || !places.isEmpty();
    }

    public boolean hasConstraints() {
        return licence != null || !accessConstraints.isEmpty() || !useLimitations.isEmpty()
                || !otherConstraints.isEmpty();
    }

    /** A label with an optional safe link (null when the target is missing or not http(s)/mailto). */
    public record Link(String label, @Nullable String href) {
    }

    /**
     * Keywords of one thesaurus; {@code title} is null for free keywords. Each keyword's {@code href} is the
     * catalogue filtered on it (on its usage category when it is one).
     */
    public record KeywordGroup(@Nullable String title, @Nullable String href, List<Link> keywords) {
    }

    /**
     * A publisher or a contact; {@code mailto} and {@code href} (its web site) are null when absent or unsafe.
     * {@code searchHref} is the catalogue filtered on its organisation (a text search when the search does not
     * count that organisation as a facet value), null for a person without organisation.
     */
    public record Party(String name, @Nullable String role, @Nullable String individual, @Nullable String position,
                        @Nullable String email, @Nullable String mailto, @Nullable String phone,
                        @Nullable String address, @Nullable String href, @Nullable String scope,
                        @Nullable String searchHref) {
    }

    /** Online resources of one kind, under a heading such as "Télécharger". */
    public record ResourceGroup(String title, List<Resource> resources) {
    }

    /** One online resource; {@code href} null when the URL is not http(s)/ftp (then shown as text). */
    public record Resource(String name, String url, @Nullable String href, @Nullable String description,
                           @Nullable String protocol, @Nullable String format, @Nullable String function) {
    }

    /** WGS84 bounding box, numbers written in the page's language. */
    /**
     * A bounding box: each side written for people in the page's language, and {@code numbers} as
     * {@code west,south,east,north} in plain decimals for the extent map ({@code data-etendue}).
     */
    public record Box(String west, String south, String east, String north, String numbers) {
    }

    /** A preview image; {@code alt} is its description, else "Aperçu de la fiche «title»". */
    public record Overview(String src, String alt) {
    }

    /** Another record; {@code href} points to our page when we hold it and the viewer may see it. */
    public record Related(String label, @Nullable String href, String association) {
    }

    public record Service(@Nullable String type, List<String> versions, @Nullable String coupling) {
    }

    /** Where the record was imported from. */
    public record Source(@Nullable String standard, @Nullable String catalog, @Nullable String fileName,
                         @Nullable String importedAt) {
    }
}
