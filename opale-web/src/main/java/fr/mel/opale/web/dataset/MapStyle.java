package fr.mel.opale.web.dataset;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The basemap of the dataset maps: a MapLibre style URL ({@code opale.web.map-style-url}, https, e.g. a vector tile
 * provider's style) or, by default, the style built into the application — land and water from Natural Earth
 * (npm {@code world-atlas}, served with the other assets), which needs no tile server and works offline.
 * opale-access's Content-Security-Policy allows the style's origin in {@code connect-src}
 * ({@code opale.web.map-origins} adds the origins its tiles, glyphs and sprites come from).
 */
@Component
public class MapStyle {
    private final String url;

    MapStyle(@Value("${opale.web.map-style-url:}") String url) {
        String stripped = url.strip();
        this.url = stripped.startsWith("https://") ? stripped : "";
    }

    /** The configured style URL, or an empty text for the built-in style. */
    public String url() {
        return url;
    }
}
