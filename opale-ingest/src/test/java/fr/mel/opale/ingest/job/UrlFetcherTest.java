package fr.mel.opale.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The SSRF guard of URL sources, as production configures it (private addresses refused). */
class UrlFetcherTest {
    private final UrlFetcher guarded = new UrlFetcher(new IngestSettings(2, 20, false, DataSize.ofMegabytes(10),
            Duration.ofSeconds(10), DataSize.ofGigabytes(2), null, DataSize.ofMegabytes(8), 20_000));

    @Test
    void internalAddressesAndOtherSchemesAreRefused() {
        for (String url : new String[] {"http://127.0.0.1/a.csv", "http://localhost:8080/actuator/health",
                "http://10.1.2.3/a.csv", "http://192.168.0.10/a.csv", "http://172.16.5.4/a.csv",
                "http://169.254.169.254/latest/meta-data/", "http://[::1]/a.csv", "http://0.0.0.0/",
                "http://100.64.0.1/a.csv", "http://[fd00::1]/a.csv"}) {
            assertThatThrownBy(() -> guarded.check(url)).as(url).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("réseau interne");
        }
        assertThatThrownBy(() -> guarded.check("file:///etc/passwd")).hasMessageContaining("http et https");
        assertThatThrownBy(() -> guarded.check("ftp://exemple.fr/a.csv")).hasMessageContaining("http et https");
        assertThatThrownBy(() -> guarded.check("http://user:secret@exemple.fr/a.csv"))
                .hasMessageContaining("identifiants");
    }

    @Test
    void publicAddressesPass() {
        assertThat(guarded.check("https://93.184.216.34/donnees.csv").getHost()).isEqualTo("93.184.216.34");
        assertThat(UrlFetcher.fileName(java.net.URI.create("https://exemple.fr/flux/arceaux.csv?x=1")))
                .isEqualTo("arceaux.csv");
    }
}
