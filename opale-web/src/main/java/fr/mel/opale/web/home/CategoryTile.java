package fr.mel.opale.web.home;

/**
 * A usage category on the home page.
 *
 * @param countLabel "12 fiches", "1 fiche", "0 fiche"
 * @param url        the catalogue filtered on the category (shown as a link only when {@code count > 0})
 */
public record CategoryTile(String label, long count, String countLabel, String url) {
    public boolean empty() {
        return count == 0;
    }
}
