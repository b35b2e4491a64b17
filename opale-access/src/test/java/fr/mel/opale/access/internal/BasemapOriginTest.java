package fr.mel.opale.access.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The CSP's connect-src gains the basemap's https origin, and nothing else, whatever is configured. */
class BasemapOriginTest {

    @Test
    void anHttpsTileTemplateGivesItsOriginOnly() {
        assertThat(SecurityConfiguration.basemapOrigin("https://tiles.example.org/osm/{z}/{x}/{y}.png?key=1"))
                .isEqualTo(" https://tiles.example.org");
        assertThat(SecurityConfiguration.basemapOrigin(" https://tiles.example.org:8443/{z}/{x}/{y}.png "))
                .isEqualTo(" https://tiles.example.org:8443");
    }

    @Test
    void emptyPlainHttpOrMalformedAddsNothing() {
        assertThat(SecurityConfiguration.basemapOrigin("")).isEmpty();
        assertThat(SecurityConfiguration.basemapOrigin("http://tiles.example.org/{z}/{x}/{y}.png")).isEmpty();
        assertThat(SecurityConfiguration.basemapOrigin("https://a b/{z}")).isEmpty();
        assertThat(SecurityConfiguration.basemapOrigin("https://x.org/;script-src")).isEqualTo(" https://x.org");
        assertThat(SecurityConfiguration.basemapOrigin("/local/{z}/{x}/{y}.png")).isEmpty();
    }
}
