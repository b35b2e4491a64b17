package fr.mel.opale.thesaurus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.mel.opale.testing.SharedTestData;
import fr.mel.opale.thesaurus.SkosExpectations;
import fr.mel.opale.thesaurus.SkosFormat;
import fr.mel.opale.thesaurus.ThesaurusProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The SKOS reader on every shared thesaurus (expectations from SPARQL, not from the reader) and on bad input. */
class SkosReaderTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "eu-data-theme-skos.rdf, http://publications.europa.eu/resource/authority/data-theme",
            "gemet-theme.rdf, http://geonetwork-opensource.org/gemet-theme",
            "inspire-theme.rdf, http://inspire.ec.europa.eu/theme",
            "themes-ecospheres.rdf, http://registre/ecospheres/themes-ecospheres"})
    void readsEverySharedThesaurusWithItsConceptsAndHierarchy(String name, String scheme) throws IOException {
        Path file = SharedTestData.file("thesauri/" + name);
        SkosExpectations expected = SkosExpectations.of(file, scheme);

        ParsedThesaurus parsed = SkosReader.read(Files.readAllBytes(file), SkosFormat.RDF_XML);

        assertThat(parsed.schemeUri()).isEqualTo(scheme);
        assertThat(parsed.concepts()).extracting(SkosConcept::uri).containsExactlyInAnyOrderElementsOf(expected.concepts);
        Set<String> pairs = parsed.concepts().stream()
                .flatMap(c -> c.broader().stream().map(b -> c.uri() + ">" + b)).collect(Collectors.toSet());
        assertThat(pairs).isEqualTo(expected.broaderPairs);
        Set<String> roots = new HashSet<>(expected.concepts);
        expected.broaderPairs.forEach(p -> roots.remove(p.substring(0, p.indexOf('>'))));
        roots.addAll(expected.declaredTop);
        assertThat(parsed.concepts()).filteredOn(SkosConcept::topConcept).extracting(SkosConcept::uri)
                .containsExactlyInAnyOrderElementsOf(roots);
        for (SkosConcept concept : parsed.concepts()) {
            assertThat(concept.prefLabels()).as(concept.uri()).isEqualTo(expected.prefLabels.get(concept.uri()));
        }
        assertThat(parsed.titles()).isNotEmpty();
    }

    @Test
    void knownFiguresOfTheSharedFiles() throws IOException {
        assertThat(read("inspire-theme.rdf").concepts()).hasSize(34);
        assertThat(read("gemet-theme.rdf").concepts()).hasSize(40);
        ParsedThesaurus eu = read("eu-data-theme-skos.rdf");
        SkosConcept agri = eu.concepts().stream().filter(c -> c.uri().endsWith("/AGRI")).findFirst().orElseThrow();
        // the 24 official EU languages plus Norwegian
        assertThat(agri.prefLabels()).hasSize(25).containsKey("no").containsEntry("fr", "Agriculture, pêche, sylviculture et alimentation");
        ParsedThesaurus ecospheres = read("themes-ecospheres.rdf");
        assertThat(ecospheres.concepts()).noneMatch(c -> c.uri().startsWith("http://eurovoc.europa.eu/"));
        SkosConcept change = ecospheres.concepts().stream()
                .filter(c -> c.uri().endsWith("/changement-climatique")).findFirst().orElseThrow();
        assertThat(change.broader()).containsExactly("http://registre/ecospheres/themes-ecospheres/climat");
        assertThat(change.altLabels().get("fr")).contains("Air Climat/Changement climatique", "climat-air-et-energie");
        assertThat(ecospheres.titles()).isNotEmpty();
    }

    @Test
    void turtleWithInferredNarrowerAndNoDeclaredTop() {
        String ttl = """
                @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
                <http://ex.org/s> a skos:ConceptScheme ; skos:prefLabel "Essai"@fr .
                <http://ex.org/a> a skos:Concept ; skos:inScheme <http://ex.org/s> ; skos:prefLabel "A"@fr, "A"@en ;
                    skos:narrower <http://ex.org/b> ; skos:notation "1" .
                <http://ex.org/b> a skos:Concept ; skos:inScheme <http://ex.org/s> ; skos:prefLabel "B"@fr ;
                    skos:altLabel "Bé"@fr .
                """;
        ParsedThesaurus parsed = SkosReader.read(ttl.getBytes(StandardCharsets.UTF_8), SkosFormat.TURTLE);
        assertThat(parsed.titles()).containsEntry("fr", "Essai");
        SkosConcept a = parsed.concepts().get(0);
        SkosConcept b = parsed.concepts().get(1);
        assertThat(a.topConcept()).isTrue();
        assertThat(a.notation()).isEqualTo("1");
        assertThat(b.broader()).containsExactly("http://ex.org/a");
        assertThat(b.topConcept()).isFalse();
        assertThat(b.altLabels()).containsEntry("fr", java.util.List.of("Bé"));
    }

    @Test
    void refusesRdfWithoutConcepts() {
        String ttl = "<http://ex.org/a> <http://purl.org/dc/terms/title> \"Pas un thésaurus\" .";
        assertThatThrownBy(() -> SkosReader.read(ttl.getBytes(StandardCharsets.UTF_8), SkosFormat.TURTLE))
                .isInstanceOf(ThesaurusProblem.class).hasMessageContaining("aucun concept SKOS");
    }

    @Test
    void refusesMalformedTurtleNamingTheLine() {
        String ttl = "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n\n<http://ex.org/a> a skos:Concept ;\n"
                + "   skos:prefLabel \"oups\"@fr ,, .\n";
        assertThatThrownBy(() -> SkosReader.read(ttl.getBytes(StandardCharsets.UTF_8), SkosFormat.TURTLE))
                .isInstanceOf(ThesaurusProblem.class)
                .satisfies(e -> assertThat(((ThesaurusProblem) e).getBody().getDetail())
                        .contains("Turtle mal formé").contains("ligne 4"));
    }

    @Test
    void refusesMalformedXml() {
        String xml = "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
                + "<rdf:Description></rdf:RDF>";
        assertThatThrownBy(() -> SkosReader.read(xml.getBytes(StandardCharsets.UTF_8), SkosFormat.RDF_XML))
                .isInstanceOf(ThesaurusProblem.class)
                .satisfies(e -> assertThat(((ThesaurusProblem) e).getBody().getDetail()).contains("RDF/XML mal formé"));
    }

    @Test
    void refusesExternalEntitiesAndNeverReadsThem(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "SECRET-DU-SERVEUR");
        String xxe = xxeDocument(secret);
        assertThatThrownBy(() -> SkosReader.read(xxe.getBytes(StandardCharsets.UTF_8), SkosFormat.RDF_XML))
                .isInstanceOf(ThesaurusProblem.class)
                .satisfies(e -> assertThat(((ThesaurusProblem) e).getBody().getDetail())
                        .contains("entités").doesNotContain("SECRET"));
    }

    @Test
    void refusesAnExternalEntityDeclaredAfterAnInternalOne(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "SECRET-DU-SERVEUR");
        String xxe = xxeDocument(secret).replace("<!DOCTYPE rdf:RDF [", "<!DOCTYPE rdf:RDF [ <!ENTITY ok \"x\">");
        assertThat(xxe).contains("<!ENTITY ok \"x\"> <!ENTITY xxe SYSTEM");
        assertThatThrownBy(() -> SkosReader.read(xxe.getBytes(StandardCharsets.UTF_8), SkosFormat.RDF_XML))
                .isInstanceOf(ThesaurusProblem.class).hasMessageContaining("400");
    }

    /** Defence in depth: even without our DOCTYPE check, Jena's RDF/XML parser must not read the entity. */
    @Test
    void jenasRdfXmlParserDoesNotResolveExternalEntitiesEither(@TempDir Path dir) throws IOException {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "SECRET-DU-SERVEUR");
        Model model = ModelFactory.createDefaultModel();
        try {
            RDFParser.create().source(new ByteArrayInputStream(xxeDocument(secret).getBytes(StandardCharsets.UTF_8)))
                    .lang(Lang.RDFXML).base("urn:x:").parse(model);
        } catch (RuntimeException refused) {
            assertThat(String.valueOf(refused.getMessage())).doesNotContain("SECRET");
            return;
        }
        StringBuilder all = new StringBuilder();
        model.listStatements().forEachRemaining(st -> all.append(st.getObject()));
        assertThat(all.toString()).doesNotContain("SECRET");
    }

    @Test
    void acceptsInternalEntities() {
        String xml = """
                <?xml version="1.0"?>
                <!DOCTYPE rdf:RDF [ <!ENTITY skos "http://www.w3.org/2004/02/skos/core#"> ]>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:skos="&skos;">
                  <skos:ConceptScheme rdf:about="http://ex.org/s"/>
                  <skos:Concept rdf:about="http://ex.org/a"><skos:inScheme rdf:resource="http://ex.org/s"/>
                    <skos:prefLabel xml:lang="fr">A</skos:prefLabel></skos:Concept>
                </rdf:RDF>""";
        assertThat(SkosReader.read(xml.getBytes(StandardCharsets.UTF_8), SkosFormat.RDF_XML).concepts()).hasSize(1);
    }

    @Test
    void refusesOversizedFiles() {
        assertThatThrownBy(() -> SkosReader.read(new byte[(int) SkosReader.MAX_BYTES + 1], SkosFormat.TURTLE))
                .isInstanceOf(ThesaurusProblem.class).hasMessageContaining("413");
    }

    static String xxeDocument(Path secret) {
        return """
                <?xml version="1.0"?>
                <!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM "%s"> ]>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                         xmlns:skos="http://www.w3.org/2004/02/skos/core#">
                  <skos:ConceptScheme rdf:about="http://ex.org/s"/>
                  <skos:Concept rdf:about="http://ex.org/a"><skos:inScheme rdf:resource="http://ex.org/s"/>
                    <skos:prefLabel xml:lang="fr">&xxe;</skos:prefLabel></skos:Concept>
                </rdf:RDF>""".formatted(secret.toUri());
    }

    private static ParsedThesaurus read(String name) throws IOException {
        return SkosReader.read(Files.readAllBytes(SharedTestData.file("thesauri/" + name)), SkosFormat.RDF_XML);
    }
}
