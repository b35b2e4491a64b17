package fr.mel.opale.web.catalogue;

/**
 * An organisation named with a link to its page: what a card or a record page shows of its owner.
 *
 * @param name its name on screen
 * @param url  {@code /organisations/{slug}}
 */
public record OrganisationLink(String name, String url) {
    /** The address of organisation {@code slug}'s page. */
    public static String path(String slug) {
        return "/organisations/" + slug;
    }
}
