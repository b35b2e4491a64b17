/**
 * The OGC API's HTML encoding in the site's layout: opale-ogcapi's {@code HtmlPages} port rendered with jte
 * (collections, a collection with its downloads and a MapLibre GL preview of its vector tiles, pages of items, one
 * item), labels in French and English.
 */
@NullMarked
package fr.mel.opale.web.ogcapi;

import org.jspecify.annotations.NullMarked;
