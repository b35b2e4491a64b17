package fr.mel.opale.web.dataset;

/**
 * A record that cites the shown one among its related records (a reuse of a dataset, a service operating on it), as
 * the presentation tab lists it.
 *
 * @param kind  the kind in the page's language (« Réutilisation »)
 * @param url   its page
 */
public record CitingRecord(String title, String url, String kind) {
}
