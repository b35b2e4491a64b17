package fr.mel.opale.catalog.iso;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.catalog.model.ResourceKind;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The reader's small parts: lenient dates, language codes, text normalisation, link kinds and formats. */
class IsoReaderPartsTest {
    @Test
    void lenientDates() {
        assertThat(IsoDates.date("2012")).isEqualTo(LocalDate.of(2012, 1, 1));
        assertThat(IsoDates.date("2012-05")).isEqualTo(LocalDate.of(2012, 5, 1));
        assertThat(IsoDates.date(" 2014-09-08Z ")).isEqualTo(LocalDate.of(2014, 9, 8));
        assertThat(IsoDates.date("2017-08-11T11:36:17.183+02:00")).isEqualTo(LocalDate.of(2017, 8, 11));
        assertThat(IsoDates.date("08/09/2014")).isEqualTo(LocalDate.of(2014, 9, 8));
        assertThat(IsoDates.date("2012-13-45")).isNull();
        assertThat(IsoDates.date("inconnue")).isNull();
        assertThat(IsoDates.date("201")).isNull();
        assertThat(IsoDates.date(null)).isNull();
        assertThat(IsoDates.dateTime("2015-08-28T12:48:06.7163297Z"))
                .isEqualTo(LocalDateTime.of(2015, 8, 28, 12, 48, 6, 716_329_700));
        assertThat(IsoDates.dateTime("2018-05-03")).isEqualTo(LocalDateTime.of(2018, 5, 3, 0, 0));
        assertThat(IsoDates.dateTime("2018-05-03T25:00")).isEqualTo(LocalDateTime.of(2018, 5, 3, 0, 0));
    }

    @Test
    void twoLetterLanguages() {
        assertThat(Languages.twoLetter("fre")).isEqualTo("fr");
        assertThat(Languages.twoLetter("FRA")).isEqualTo("fr");
        assertThat(Languages.twoLetter("eng")).isEqualTo("en");
        assertThat(Languages.twoLetter("ger")).isEqualTo("de");
        assertThat(Languages.twoLetter("deu")).isEqualTo("de");
        assertThat(Languages.twoLetter("dut")).isEqualTo("nl");
        assertThat(Languages.twoLetter("ita")).isEqualTo("it");
        assertThat(Languages.twoLetter("spa")).isEqualTo("es");
        assertThat(Languages.twoLetter("fr-FR")).isEqualTo("fr");
        assertThat(Languages.twoLetter("gsw")).isEqualTo("gsw");
        assertThat(Languages.twoLetter(" ")).isNull();
    }

    @Test
    void textNormalisation() {
        assertThat(Dom.oneLine("  Plan local\n\t\t\td'urbanisme  ")).isEqualTo("Plan local d'urbanisme");
        assertThat(Dom.paragraphs("Titre.\n        Ligne deux.\n          * puce\n\n\n\n        Fin.   "))
                .isEqualTo("Titre.\nLigne deux.\n  * puce\n\nFin.");
        assertThat(Dom.paragraphs(" \n\t ")).isNull();
    }

    @Test
    void linkKindsAndFormats() {
        assertThat(LinkMapping.kind("OGC:WMS-1.3.0-http-get-map", null, "https://x/wms", null, null))
                .isEqualTo(ResourceKind.SERVICE);
        assertThat(LinkMapping.kind("ESRI:REST", null, "https://x/arcgis/rest", null, null))
                .isEqualTo(ResourceKind.SERVICE);
        assertThat(LinkMapping.kind(null, null, "https://x/ows?SERVICE=WFS&request=GetCapabilities", null, null))
                .isEqualTo(ResourceKind.SERVICE);
        assertThat(LinkMapping.kind("OGC API - Features", null, "https://x/ogcapi", null, null))
                .isEqualTo(ResourceKind.API);
        assertThat(LinkMapping.kind("WWW:DOWNLOAD:application/json", null, "https://x/api/data", null, null))
                .isEqualTo(ResourceKind.DOWNLOAD);
        assertThat(LinkMapping.kind("WWW:LINK", null, "https://x/data.zip", null, null))
                .isEqualTo(ResourceKind.DOWNLOAD);
        assertThat(LinkMapping.kind("WWW:LINK", "information", "https://x/page", null, null))
                .isEqualTo(ResourceKind.DOCUMENTATION);
        assertThat(LinkMapping.kind("WWW:LINK", null, "https://x/guide.pdf", null, null))
                .isEqualTo(ResourceKind.DOCUMENTATION);
        assertThat(LinkMapping.kind("WWW:LINK:LANDING_PAGE", null, "https://x/page", null, null))
                .isEqualTo(ResourceKind.LANDING_PAGE);
        assertThat(LinkMapping.kind("WWW:LINK", "browsing", "https://x/app", null, null))
                .isEqualTo(ResourceKind.LANDING_PAGE);
        assertThat(LinkMapping.kind("WWW:LINK", null, "https://x/page", null, null)).isEqualTo(ResourceKind.OTHER);

        assertThat(LinkMapping.format("WWW:DOWNLOAD:text/csv", "https://x/export")).isEqualTo("CSV");
        assertThat(LinkMapping.format("WWW:DOWNLOAD:x-gis/x-shapefile", "https://x/export"))
                .isEqualTo("ESRI Shapefile");
        assertThat(LinkMapping.format(null, "https://x/data.GeoJSON?v=2")).isEqualTo("GeoJSON");
        assertThat(LinkMapping.format("OGC:WFS", "https://x/wfs.json")).isNull();
        assertThat(LinkMapping.format("WWW:LINK", "https://x/page")).isNull();
    }
}
