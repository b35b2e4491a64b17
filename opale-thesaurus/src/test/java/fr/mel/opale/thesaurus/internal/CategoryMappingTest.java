package fr.mel.opale.thesaurus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.catalog.model.ThesaurusCitation;
import fr.mel.opale.testing.SharedTestData;
import fr.mel.opale.thesaurus.SkosExpectations;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The default category mapping: complete for every vocabulary it covers, and only pointing at real categories. */
class CategoryMappingTest {
    private final CategoryMapping mapping = new CategoryMapping("", "");

    /** The 11 slugs of the shipped usage categories, read from the Turtle file with Jena. */
    private static Set<String> slugs() {
        Model model = RDFDataMgr.loadModel("thesaurus/usage-categories.ttl");
        Set<String> slugs = new HashSet<>();
        model.listSubjectsWithProperty(SKOS.inScheme).forEachRemaining(c ->
                slugs.add(c.getURI().substring(c.getURI().lastIndexOf('/') + 1)));
        return slugs;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "inspire-theme.rdf, http://inspire.ec.europa.eu/theme, 34",
            "gemet-theme.rdf, http://geonetwork-opensource.org/gemet-theme, 40",
            "eu-data-theme-skos.rdf, http://publications.europa.eu/resource/authority/data-theme, 14"})
    void mapsEveryConceptOfTheSharedVocabularies(String file, String scheme, int count) {
        SkosExpectations vocabulary = SkosExpectations.of(SharedTestData.file("thesauri/" + file), scheme);
        assertThat(vocabulary.concepts).hasSize(count);
        for (String uri : vocabulary.concepts) {
            assertThat(mapping.uriMappings()).as(uri).containsKey(MatchKeys.uri(uri));
        }
    }

    @Test
    void mapsEveryIsoTopicCategory() {
        List<String> iso19115 = List.of("farming", "biota", "boundaries", "climatologyMeteorologyAtmosphere", "economy",
                "elevation", "environment", "geoscientificInformation", "health", "imageryBaseMapsEarthCover",
                "intelligenceMilitary", "inlandWaters", "location", "oceans", "planningCadastre", "society", "structure",
                "transportation", "utilitiesCommunication");
        iso19115.forEach(code -> assertThat(mapping.topicMappings()).containsKey(code.toLowerCase(Locale.ROOT)));
        assertThat(mapping.categoriesOfTopic("planningCadastre")).containsExactly("amenagement_urbanisme_foncier");
        assertThat(mapping.categoriesOfTopic("transportation")).containsExactly("mobilite_transports_deplacement");
    }

    @Test
    void everyCategoryIsAShippedUsageCategory() {
        Set<String> slugs = slugs();
        assertThat(slugs).hasSize(11);
        mapping.uriMappings().values().forEach(categories -> assertThat(slugs).containsAll(categories));
        mapping.topicMappings().values().forEach(categories -> assertThat(slugs).containsAll(categories));
    }

    @Test
    void matchesByUriOrByLabelWithinACitationOfTheVocabulary() {
        Keyword byUri = new Keyword(LocalizedText.empty(), "https://inspire.ec.europa.eu/theme/hy/", null, null);
        assertThat(mapping.categoriesOf(byUri)).containsExactly("environnement_energie");

        ThesaurusCitation inspire = new ThesaurusCitation("GEMET - INSPIRE themes, version 1.0", null, null);
        Keyword byLabel = new Keyword(LocalizedText.of("fr", "REPARTITION  des espèces"), null, inspire, "theme");
        assertThat(mapping.categoriesOf(byLabel)).containsExactly("environnement_energie");
        Keyword english = new Keyword(LocalizedText.of("en", "Transport networks"), null, inspire, "theme");
        assertThat(mapping.categoriesOf(english)).containsExactly("mobilite_transports_deplacement");

        Keyword free = Keyword.free("fr", "Hydrographie");
        assertThat(mapping.categoriesOf(free)).isEmpty();
        Keyword otherThesaurus = new Keyword(LocalizedText.of("fr", "Hydrographie"), null,
                new ThesaurusCitation("Mots-clés locaux", null, null), null);
        assertThat(mapping.categoriesOf(otherThesaurus)).isEmpty();
    }

    @Test
    void readsTheConfiguredFileElseTheDataDirectorysElseTheShippedOne(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path configured = dir.resolve("mine.yml");
        java.nio.file.Files.writeString(configured, "topic-categories:\n  society: [espace_public]\n");
        java.nio.file.Files.writeString(dir.resolve("category-mapping.yml"), "topic-categories:\n  society: [habitat_logement]\n");
        assertThat(new CategoryMapping(configured.toString(), dir.toString()).categoriesOfTopic("society"))
                .containsExactly("espace_public");
        assertThat(new CategoryMapping("", dir.toString()).categoriesOfTopic("society")).containsExactly("habitat_logement");
        assertThat(new CategoryMapping("", dir.resolve("absent").toString()).source()).startsWith("classpath:");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CategoryMapping(dir.resolve("nope.yml").toString(), ""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("introuvable");
    }

    @Test
    void anOverrideFileReplacesTheDefault() {
        CategoryMapping custom = CategoryMapping.of("""
                vocabularies:
                  - name: local
                    citation-contains: [local]
                    concepts:
                      - {uri: http://ex.org/a, labels: [Alpha], categories: [espace_public]}
                topic-categories:
                  society: [culture_tourisme_sport]
                """);
        assertThat(custom.categoriesOf(new Keyword(LocalizedText.empty(), "http://ex.org/a", null, null)))
                .containsExactly("espace_public");
        assertThat(custom.categoriesOfTopic("society")).containsExactly("culture_tourisme_sport");
        assertThat(custom.categoriesOfTopic("transportation")).isEmpty();
    }
}
