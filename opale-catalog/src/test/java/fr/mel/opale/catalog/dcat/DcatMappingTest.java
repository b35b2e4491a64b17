package fr.mel.opale.catalog.dcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The vocabulary mappings behind the export: licences, formats, EU authority codes, IRI repair, negotiation. */
class DcatMappingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "Licence Ouverte / Open Licence version 2.0 | -                                                     | https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
        "licence ouverte v2                          | -                                                     | https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
        "LO 2.0                                      | -                                                     | https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
        "Licence Ouverte                             | -                                                     | https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
        "Licence ouverte v1.0                        | -                                                     | https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf",
        "-                                           | https://www.etalab.gouv.fr/licence-ouverte-open-licence | https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
        "ODbL                                        | -                                                     | https://opendatacommons.org/licenses/odbl/1-0/",
        "Open Database License (ODbL) 1.0            | http://opendatacommons.org/licenses/odbl/             | https://opendatacommons.org/licenses/odbl/1-0/",
        "CC-BY 4.0                                   | -                                                     | https://creativecommons.org/licenses/by/4.0/",
        "Creative Commons BY-SA 3.0                  | -                                                     | https://creativecommons.org/licenses/by-sa/3.0/",
        "-                                           | https://creativecommons.org/licenses/by/4.0/deed.fr   | https://creativecommons.org/licenses/by/4.0/",
        "Licence ouverte ETALAB 1.0                  | http://www.etalab.gouv.fr/licence-ouverte-open-licence | https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf",
        "Licence Ouverte / Open Licence Version 2.0  | https://www.etalab.gouv.fr/wp-content/uploads/2017/04/ETALAB-Licence-Ouverte-v2.0.pdf | https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
        "Licence Ouverte 2.0                         | https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf | https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
        "Licence Ouverte (Etalab)                    | https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf | https://www.etalab.gouv.fr/wp-content/uploads/2014/05/Licence_Ouverte.pdf",
        "CC0                                         | -                                                     | https://creativecommons.org/publicdomain/zero/1.0/",
    })
    void recognisesTheLicencesFrenchOpenDataUses(String text, String url, String expected) {
        assertThat(KnownLicences.recognise(text, url)).extracting(KnownLicences.Licence::uri).isEqualTo(expected);
    }

    @Test
    void doesNotInventALicence() {
        assertThat(KnownLicences.recognise("Pas de restriction d'accès public", null)).isNull();
        assertThat(KnownLicences.recognise("Conditions générales d'utilisation", "https://ville.fr/cgu")).isNull();
        assertThat(KnownLicences.recognise("Accès by appointment", null)).isNull();
    }

    @Test
    void recognisesFormatsByNameMediaTypeProtocolAndExtension() {
        assertThat(FileFormats.byName("ESRI Shapefile").fileType()).isEqualTo("SHP");
        assertThat(FileFormats.byName("GeoJSON 1.0").mediaType()).isEqualTo("application/geo+json");
        assertThat(FileFormats.byName("text/csv; charset=utf-8").fileType()).isEqualTo("CSV");
        assertThat(FileFormats.byName("application/vnd.custom+json")).isEqualTo(
                new FileFormats.FileFormat(null, "application/vnd.custom+json"));
        assertThat(FileFormats.byName("Format maison")).isNull();
        assertThat(FileFormats.byProtocol("OGC:WFS-1.1.0-http-get-capabilities").fileType()).isEqualTo("WFS_SRVC");
        assertThat(FileFormats.byProtocol("OGC:WMTS")).isNull();
        assertThat(FileFormats.byExtension("https://x.fr/exports/zones.geojson?v=2").fileType()).isEqualTo("GEOJSON");
        assertThat(FileFormats.byExtension("https://x.fr/api.v2/items")).isNull();
    }

    @Test
    void mapsIsoCodesToEuAuthorities() {
        assertThat(EuAuthorities.frequency("asNeeded")).isEqualTo(EuAuthorities.FREQUENCY + "IRREG");
        assertThat(EuAuthorities.frequency("annually")).isEqualTo(EuAuthorities.FREQUENCY + "ANNUAL");
        assertThat(EuAuthorities.frequency("someday")).isNull();
        assertThat(EuAuthorities.language("fr")).isEqualTo(EuAuthorities.LANGUAGE + "FRA");
        assertThat(EuAuthorities.language("fre")).isEqualTo(EuAuthorities.LANGUAGE + "FRA");
        assertThat(EuAuthorities.language("ger")).isEqualTo(EuAuthorities.LANGUAGE + "DEU");
        assertThat(EuAuthorities.language("en-GB")).isEqualTo(EuAuthorities.LANGUAGE + "ENG");
        assertThat(EuAuthorities.language("français")).isNull();
        assertThat(EuAuthorities.literalLanguage("fre")).isEqualTo("fr");
        assertThat(EuAuthorities.literalLanguage("de_CH")).isEqualTo("de-ch");
        assertThat(EuAuthorities.literalLanguage("pas une langue")).isNull();
    }

    @Test
    void repairsOrDropsUrls() {
        assertThat(IriSanitizer.webIri(" https://x.fr/a b.csv ")).isEqualTo("https://x.fr/a%20b.csv");
        assertThat(IriSanitizer.webIri("https://x.fr/é")).isEqualTo("https://x.fr/é");
        assertThat(IriSanitizer.webIri("www.x.fr")).isNull();
        assertThat(IriSanitizer.webIri("javascript:alert(1)")).isNull();
        assertThat(IriSanitizer.webIri("http://")).isNull();
        assertThat(IriSanitizer.webIri("http://[zz/")).isNull();
        assertThat(IriSanitizer.mailto("contact@mel.fr")).isEqualTo("mailto:contact@mel.fr");
        assertThat(IriSanitizer.mailto("contact@mel .fr")).isNull();
        assertThat(IriSanitizer.pathSegment("urn:x/y z")).isEqualTo("urn%3Ax%2Fy%20z");
    }

    @Test
    void negotiatesBySyntaxQualityAndOrder() {
        assertThat(DcatFormat.negotiate(List.of())).isEqualTo(DcatFormat.TURTLE);
        assertThat(DcatFormat.negotiate(List.of("*/*"))).isEqualTo(DcatFormat.TURTLE);
        assertThat(DcatFormat.negotiate(List.of("application/ld+json"))).isEqualTo(DcatFormat.JSON_LD);
        assertThat(DcatFormat.negotiate(List.of("text/turtle;q=0.5, application/rdf+xml"))).isEqualTo(DcatFormat.RDF_XML);
        assertThat(DcatFormat.negotiate(List.of("text/html,application/xhtml+xml,*/*;q=0.8"))).isEqualTo(DcatFormat.TURTLE);
        assertThat(DcatFormat.negotiate(List.of("image/png", "text/html"))).isNull();
        assertThat(DcatFormat.byParameter("JSONLD")).isEqualTo(DcatFormat.JSON_LD);
        assertThat(DcatFormat.byParameter("xml")).isNull();
        assertThatThrownBy(() -> DcatFormat.negotiate(List.of("pas/un/type")))
                .isInstanceOf(org.springframework.http.InvalidMediaTypeException.class);
    }
}
