package fr.mel.opale.web.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.search.Facet;
import fr.mel.opale.search.SearchProblem;
import fr.mel.opale.search.SearchQuery;
import fr.mel.opale.search.SearchSort;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The address of a search and its reading back: the same search, whatever the values hold. */
class SearchUrlsTest {
    @Test
    void anAddressReadsBackAsTheSameSearch() {
        SearchQuery query = SearchQuery.builder().text("eau & \"assainissement\" + 100%")
                .filter(Facet.ORGANISATION, "Environnement, énergie", "A&B")
                .filter(Facet.CATEGORY, "https://data.lillemetropole.fr/thematique/categories/espace_public")
                .filter(Facet.THESAURUS, "http://x/y|Zones à risque")
                .bbox(new BoundingBox(2.9, 50.5, 3.3, 50.8)).sort(SearchSort.SCORE).size(50).page(2).build();
        String url = SearchUrls.of(query);
        assertThat(url).startsWith("/catalogue?q=eau+%26+%22assainissement%22+%2B+100%25&category=https%3A%2F%2F")
                .contains("&org=Environnement%2C+%C3%A9nergie&org=A%26B&", "&bbox=2.9%2C50.5%2C3.3%2C50.8",
                        "&sort=score&size=50&page=3");
        assertThat(SearchParameters.read(request(url), Locale.FRENCH)).isEqualTo(query);
    }

    @Test
    void defaultsLeaveTheAddressShortAndFacetLinksStartAFreshSearch() {
        SearchQuery plain = SearchQuery.builder().build();
        assertThat(SearchUrls.of(plain)).isEqualTo("/catalogue");
        assertThat(SearchUrls.of(plain.with(Facet.FORMAT, "CSV").atPage(0))).isEqualTo("/catalogue?format=CSV");
        assertThat(SearchUrls.filter(Facet.KEYWORD, "vélo")).isEqualTo("/catalogue?keyword=v%C3%A9lo");
        assertThat(SearchUrls.phrase("Ilévia \"transports\"")).isEqualTo("/catalogue?q=%22Il%C3%A9via++transports%22");
    }

    @Test
    void malformedParametersAreA400NotAnotherSearch() {
        for (String bad : new String[] {"page=0", "page=x", "size=101", "size=0", "sort=n", "bbox=1,2,3",
                "bbox=1,2,3,NaN", "bbox=200,0,0,0"}) {
            assertThatThrownBy(() -> SearchParameters.read(request("/catalogue?" + bad), Locale.FRENCH))
                    .as(bad).isInstanceOf(SearchProblem.class);
        }
    }

    private static MockHttpServletRequest request(String url) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/catalogue");
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1) : "";
        for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            request.addParameter(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
        return request;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
