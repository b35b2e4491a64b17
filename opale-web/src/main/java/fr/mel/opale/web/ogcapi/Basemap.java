package fr.mel.opale.web.ogcapi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The optional raster basemap under the map previews: an XYZ tile URL template ({@code opale.web.basemap-url},
 * e.g. {@code https://tiles.example.org/{z}/{x}/{y}.png}) and its attribution ({@code opale.web.basemap-attribution}).
 * Empty by default: the maps then show the data on a plain background and load nothing from another origin.
 * opale-access's Content-Security-Policy allows the basemap's origin in {@code connect-src} (same property).
 */
@Component
public class Basemap {
    private final String url;
    private final String attribution;

    Basemap(@Value("${opale.web.basemap-url:}") String url,
            @Value("${opale.web.basemap-attribution:}") String attribution) {
        this.url = url.strip();
        this.attribution = attribution.strip();
    }

    /** The tile URL template, or an empty text when there is no basemap. */
    public String url() {
        return url;
    }

    public String attribution() {
        return attribution;
    }
}
