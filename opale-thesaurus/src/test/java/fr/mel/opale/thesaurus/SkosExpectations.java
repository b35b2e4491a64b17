package fr.mel.opale.thesaurus;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.riot.RDFDataMgr;

/**
 * What a shared SKOS file holds, computed independently of the module's reader: SPARQL queries with Jena over the
 * same file, the main scheme named by the test (read off the file by a human).
 */
public final class SkosExpectations {
    private static final String PREFIX = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n";
    /** The concepts of the main scheme: typed Concept, in the main scheme or in no other one. */
    private static final String MEMBER = """
            ?c a skos:Concept . FILTER(isIRI(?c))
            FILTER (EXISTS { ?c skos:inScheme <%1$s> } || NOT EXISTS { ?c skos:inScheme ?o . FILTER(?o != <%1$s>) })
            """;

    public final Set<String> concepts = new HashSet<>();
    /** "narrower>broader" pairs, from skos:broader and skos:narrower, between concepts of the main scheme. */
    public final Set<String> broaderPairs = new HashSet<>();
    public final Set<String> declaredTop = new HashSet<>();
    /** concept URI to language to prefLabel (one per language in these files). */
    public final Map<String, Map<String, String>> prefLabels = new TreeMap<>();

    private SkosExpectations() {
    }

    public static SkosExpectations of(Path file, String scheme) {
        Model model = RDFDataMgr.loadModel(file.toUri().toString());
        SkosExpectations e = new SkosExpectations();
        select(model, "SELECT DISTINCT ?c WHERE {" + MEMBER.formatted(scheme) + "}",
                s -> e.concepts.add(s.getResource("c").getURI()));
        select(model, "SELECT DISTINCT ?c ?b WHERE { { ?c skos:broader ?b } UNION { ?b skos:narrower ?c } "
                        + "FILTER(?c != ?b) }",
                s -> {
                    String c = s.getResource("c").getURI();
                    String b = s.getResource("b").getURI();
                    if (e.concepts.contains(c) && e.concepts.contains(b)) {
                        e.broaderPairs.add(c + ">" + b);
                    }
                });
        select(model, "SELECT DISTINCT ?c WHERE { { ?c skos:topConceptOf <%1$s> } UNION { <%1$s> skos:hasTopConcept ?c } }"
                .formatted(scheme), s -> e.declaredTop.add(s.getResource("c").getURI()));
        select(model, "SELECT ?c ?l WHERE { ?c skos:prefLabel ?l }", s -> {
            String c = s.getResource("c").getURI();
            if (c != null && e.concepts.contains(c)) {
                String lang = s.getLiteral("l").getLanguage().toLowerCase(java.util.Locale.ROOT);
                e.prefLabels.computeIfAbsent(c, k -> new TreeMap<>())
                        .put(lang.isEmpty() ? "und" : lang, s.getLiteral("l").getLexicalForm().strip());
            }
        });
        return e;
    }

    private static void select(Model model, String query, java.util.function.Consumer<QuerySolution> row) {
        try (QueryExecution execution = QueryExecution.model(model).query(PREFIX + query).build()) {
            ResultSet results = execution.execSelect();
            results.forEachRemaining(row);
        }
    }
}
