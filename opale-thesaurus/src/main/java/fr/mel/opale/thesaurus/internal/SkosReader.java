package fr.mel.opale.thesaurus.internal;

import fr.mel.opale.thesaurus.SkosFormat;
import fr.mel.opale.thesaurus.ThesaurusProblem;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.DC_11;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.jspecify.annotations.Nullable;

/**
 * Reads a SKOS thesaurus from RDF/XML or Turtle with Apache Jena.
 *
 * <p><b>Which concepts</b>: resources typed {@code skos:Concept}, plus those a scheme declares as top concepts
 * (SKOS gives {@code topConceptOf}/{@code hasTopConcept} the range/domain Concept). Blank nodes are skipped: a
 * concept needs a URI to be cited.
 *
 * <p><b>Several schemes</b>: a file may describe concepts of other schemes (themes-ecospheres links each theme to
 * EuroVoc concepts with {@code skos:exactMatch}, declaring them {@code inScheme} EuroVoc). We import the <em>main</em>
 * scheme only: the one with the most member concepts ({@code inScheme}, {@code topConceptOf}, {@code hasTopConcept}),
 * ties going to the first URI. Concepts that name no scheme at all (GEMET themes as GeoNetwork packages them) belong
 * to it too; concepts that belong only to another scheme are left out, and so are hierarchy links to them.
 *
 * <p><b>Hierarchy</b>: {@code skos:broader} and the inverse of {@code skos:narrower}, merged (SKOS declares them
 * inverse), self-links dropped. A concept is top when declared so or when it has no broader concept, so that every
 * concept can be reached from the top when browsing.
 *
 * <p><b>Labels</b>: language tags lower-cased, untagged literals under {@code und}; a second {@code prefLabel} in
 * the same language (invalid SKOS, but seen) becomes an alternative label.
 *
 * <p><b>Safety</b>: input bounded by {@link #MAX_BYTES} and {@link #MAX_CONCEPTS}; RDF/XML documents declaring a
 * DOCTYPE with external entities ({@code SYSTEM}/{@code PUBLIC}) are refused before parsing, so nothing outside the
 * upload is ever read (internal entities, common in OWL/SKOS files, stay allowed); Jena's RDF/XML parser runs with
 * secure processing on top of that. Stateless and thread-safe.
 */
public final class SkosReader {
    /** Largest file accepted: the biggest published SKOS thesauri used in France (GEMET, EuroVoc extracts) fit. */
    public static final long MAX_BYTES = 20L * 1024 * 1024;
    public static final int MAX_CONCEPTS = 200_000;
    /** Base for relative IRIs in the file, so they never resolve against the server's working directory. */
    private static final String BASE = "urn:opale:thesaurus:";
    private static final Pattern EXTERNAL = Pattern.compile("\\b(SYSTEM|PUBLIC)\\b");

    private SkosReader() {
    }

    /** Reads {@code content}; throws the 400 {@link ThesaurusProblem} naming what is wrong (and where). */
    public static ParsedThesaurus read(byte[] content, SkosFormat format) {
        if (content.length > MAX_BYTES) {
            throw ThesaurusProblem.tooLarge(MAX_BYTES);
        }
        if (content.length == 0) {
            throw ThesaurusProblem.invalid("Le fichier est vide.");
        }
        if (format == SkosFormat.RDF_XML) {
            refuseExternalEntities(content);
        }
        Model model = parse(content, format);
        return extract(model);
    }

    private static void refuseExternalEntities(byte[] content) {
        // A DOCTYPE precedes the root: look at the start only, read as Latin-1 (right for UTF-8 and the ISO-8859
        // family used in practice; a UTF-16 file slips past this check and relies on Jena's parser, which does not
        // resolve external entities either, as SkosReaderTest checks).
        String head = new String(content, 0, (int) Math.min(content.length, 64 * 1024), StandardCharsets.ISO_8859_1);
        int start = head.indexOf("<!DOCTYPE");
        if (start < 0) {
            return;
        }
        // The declaration ends at "]>" when it has an internal subset (whose entity declarations contain '>'),
        // else at the first '>'; unterminated within the head: check all of it.
        int bracket = head.indexOf('[', start);
        int close = head.indexOf('>', start);
        int end = bracket >= 0 && (close < 0 || bracket < close) ? head.indexOf("]>", bracket) : close;
        String doctype = head.substring(start, end < 0 ? head.length() : end);
        if (EXTERNAL.matcher(doctype).find()) {
            throw ThesaurusProblem.invalid("Le fichier RDF/XML déclare des entités ou une DTD externes (SYSTEM ou "
                    + "PUBLIC dans son DOCTYPE) : refusé par sécurité ; supprimez le DOCTYPE.");
        }
    }

    private static Model parse(byte[] content, SkosFormat format) {
        Model model = ModelFactory.createDefaultModel();
        try {
            RDFParser.create().source(new ByteArrayInputStream(content))
                    .lang(format == SkosFormat.TURTLE ? Lang.TURTLE : Lang.RDFXML)
                    .base(BASE)
                    .errorHandler(new FailOnError())
                    .parse(model);
        } catch (RiotException e) {
            throw ThesaurusProblem.invalid("Fichier " + (format == SkosFormat.TURTLE ? "Turtle" : "RDF/XML")
                    + " mal formé : " + clean(e.getMessage()));
        }
        return model;
    }

    private static ParsedThesaurus extract(Model model) {
        Set<Resource> concepts = new LinkedHashSet<>();
        model.listResourcesWithProperty(RDF.type, SKOS.Concept).filterKeep(Resource::isURIResource)
                .forEachRemaining(concepts::add);
        model.listSubjectsWithProperty(SKOS.topConceptOf).filterKeep(Resource::isURIResource)
                .forEachRemaining(concepts::add);
        model.listObjectsOfProperty(SKOS.hasTopConcept).filterKeep(RDFNode::isURIResource)
                .forEachRemaining(n -> concepts.add(n.asResource()));
        if (concepts.isEmpty()) {
            throw ThesaurusProblem.invalid("Le fichier ne contient aucun concept SKOS (aucune ressource de type "
                    + "skos:Concept) : ce n'est pas un thésaurus SKOS.");
        }
        if (concepts.size() > MAX_CONCEPTS) {
            throw ThesaurusProblem.invalid("Le fichier contient " + concepts.size() + " concepts ; au plus "
                    + MAX_CONCEPTS + " sont acceptés.");
        }
        Map<String, Set<String>> members = schemeMembers(model);
        if (members.isEmpty()) {
            throw ThesaurusProblem.invalid("Le fichier ne déclare aucun schéma de concepts (skos:ConceptScheme) : "
                    + "ajoutez-en un, dont les concepts sont skos:inScheme.");
        }
        String scheme = members.entrySet().stream()
                .max(Comparator.<Map.Entry<String, Set<String>>>comparingInt(e -> e.getValue().size())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .orElseThrow().getKey();
        Set<String> inOtherSchemes = new HashSet<>();
        members.forEach((s, uris) -> {
            if (!s.equals(scheme)) {
                inOtherSchemes.addAll(uris);
            }
        });
        Set<String> mainMembers = members.get(scheme);
        Map<String, Resource> kept = new TreeMap<>();
        for (Resource concept : concepts) {
            String uri = concept.getURI();
            if (mainMembers.contains(uri) || !inOtherSchemes.contains(uri)) {
                kept.put(uri, concept);
            }
        }
        if (kept.isEmpty()) {
            throw ThesaurusProblem.invalid("Aucun concept n'appartient au schéma principal « " + scheme + " ».");
        }
        return new ParsedThesaurus(scheme, titles(model.getResource(scheme)), aliases(model.getResource(scheme)),
                concepts(model, scheme, kept));
    }

    /** Scheme URI to the URIs of its member concepts, for every scheme named in the file. */
    private static Map<String, Set<String>> schemeMembers(Model model) {
        Map<String, Set<String>> members = new TreeMap<>();
        model.listResourcesWithProperty(RDF.type, SKOS.ConceptScheme).filterKeep(Resource::isURIResource)
                .forEachRemaining(s -> members.computeIfAbsent(s.getURI(), k -> new HashSet<>()));
        for (Property property : List.of(SKOS.inScheme, SKOS.topConceptOf)) {
            model.listStatements(null, property, (RDFNode) null).forEachRemaining(st -> {
                if (st.getSubject().isURIResource() && st.getObject().isURIResource()) {
                    members.computeIfAbsent(st.getObject().asResource().getURI(), k -> new HashSet<>())
                            .add(st.getSubject().getURI());
                }
            });
        }
        model.listStatements(null, SKOS.hasTopConcept, (RDFNode) null).forEachRemaining(st -> {
            if (st.getSubject().isURIResource() && st.getObject().isURIResource()) {
                members.computeIfAbsent(st.getSubject().getURI(), k -> new HashSet<>())
                        .add(st.getObject().asResource().getURI());
            }
        });
        return members;
    }

    private static List<SkosConcept> concepts(Model model, String scheme, Map<String, Resource> kept) {
        Map<String, Set<String>> broader = new HashMap<>();
        kept.keySet().forEach(uri -> broader.put(uri, new TreeSet<>()));
        model.listStatements(null, SKOS.broader, (RDFNode) null).forEachRemaining(st ->
                link(broader, st.getSubject(), st.getObject()));
        model.listStatements(null, SKOS.narrower, (RDFNode) null).forEachRemaining(st -> {
            if (st.getObject().isURIResource()) {
                link(broader, st.getObject().asResource(), st.getSubject());
            }
        });
        Set<String> declaredTop = new HashSet<>();
        Resource schemeResource = model.getResource(scheme);
        model.listStatements(null, SKOS.topConceptOf, schemeResource)
                .forEachRemaining(st -> declaredTop.add(st.getSubject().getURI()));
        model.listStatements(schemeResource, SKOS.hasTopConcept, (RDFNode) null)
                .forEachRemaining(st -> {
                    if (st.getObject().isURIResource()) {
                        declaredTop.add(st.getObject().asResource().getURI());
                    }
                });
        List<SkosConcept> result = new ArrayList<>(kept.size());
        kept.forEach((uri, resource) -> {
            Map<String, String> pref = new TreeMap<>();
            Map<String, List<String>> alt = new TreeMap<>();
            for (Literal label : sortedLiterals(resource, SKOS.prefLabel)) {
                String lang = language(label);
                if (pref.putIfAbsent(lang, label.getLexicalForm().strip()) != null) {
                    addAlt(alt, lang, label.getLexicalForm());
                }
            }
            for (Literal label : sortedLiterals(resource, SKOS.altLabel)) {
                addAlt(alt, language(label), label.getLexicalForm());
            }
            List<Literal> notations = sortedLiterals(resource, SKOS.notation);
            String notation = notations.isEmpty() ? null : notations.get(0).getLexicalForm().strip();
            Set<String> up = broader.get(uri);
            result.add(new SkosConcept(uri, notation, pref, alt, List.copyOf(up),
                    declaredTop.contains(uri) || up.isEmpty()));
        });
        return result;
    }

    private static void link(Map<String, Set<String>> broader, Resource narrower, RDFNode wider) {
        if (narrower.isURIResource() && wider.isURIResource()) {
            String child = narrower.getURI();
            String parent = wider.asResource().getURI();
            if (!child.equals(parent) && broader.containsKey(child) && broader.containsKey(parent)) {
                broader.get(child).add(parent);
            }
        }
    }

    private static void addAlt(Map<String, List<String>> alt, String lang, String label) {
        String value = label.strip();
        List<String> list = alt.computeIfAbsent(lang, k -> new ArrayList<>());
        if (!value.isEmpty() && !list.contains(value)) {
            list.add(value);
        }
    }

    /** Literal values of {@code property}, in a stable order (Jena's order depends on the parse). */
    private static List<Literal> sortedLiterals(Resource resource, Property property) {
        List<Literal> literals = new ArrayList<>();
        resource.listProperties(property).forEachRemaining(st -> {
            if (st.getObject().isLiteral() && !st.getLiteral().getLexicalForm().isBlank()) {
                literals.add(st.getLiteral());
            }
        });
        literals.sort(Comparator.comparing(Literal::getLanguage).thenComparing(Literal::getLexicalForm));
        return literals;
    }

    private static String language(Literal literal) {
        String lang = literal.getLanguage();
        return lang == null || lang.isBlank() ? "und" : lang.toLowerCase(Locale.ROOT);
    }

    /** Title per language: {@code skos:prefLabel}, else {@code dcterms:title}, {@code dc:title}, {@code rdfs:label}. */
    private static Map<String, String> titles(Resource scheme) {
        Map<String, String> titles = new LinkedHashMap<>();
        for (Property property : List.of(SKOS.prefLabel, DCTerms.title, DC_11.title, RDFS.label)) {
            for (Literal literal : sortedLiterals(scheme, property)) {
                titles.putIfAbsent(language(literal), literal.getLexicalForm().strip());
            }
        }
        return titles;
    }

    private static List<String> aliases(Resource scheme) {
        Set<String> aliases = new LinkedHashSet<>();
        for (Property property : List.of(DCTerms.identifier, DC_11.identifier, OWL.sameAs, DCTerms.alternative,
                SKOS.altLabel)) {
            List<Statement> statements = scheme.listProperties(property).toList();
            for (Statement st : statements) {
                RDFNode value = st.getObject();
                String text = value.isURIResource() ? value.asResource().getURI()
                        : value.isLiteral() ? value.asLiteral().getLexicalForm().strip() : null;
                if (text != null && !text.isEmpty()) {
                    aliases.add(text);
                }
            }
        }
        return List.copyOf(new TreeSet<>(aliases));
    }

    private static String clean(@Nullable String message) {
        if (message == null || message.isBlank()) {
            return "contenu inattendu";
        }
        String first = message.strip();
        int newline = first.indexOf('\n');
        first = newline < 0 ? first : first.substring(0, newline);
        return first.length() > 500 ? first.substring(0, 500) + "…" : first;
    }

    /** Warnings (odd IRIs, unknown datatypes...) are tolerated; errors stop the import with their position. */
    private static final class FailOnError implements ErrorHandler {
        @Override
        public void warning(String message, long line, long col) {
        }

        @Override
        public void error(String message, long line, long col) {
            throw new RiotException(position(line, col) + message);
        }

        @Override
        public void fatal(String message, long line, long col) {
            throw new RiotException(position(line, col) + message);
        }

        private static String position(long line, long col) {
            return line > 0 ? "ligne " + line + (col > 0 ? ", colonne " + col : "") + " : " : "";
        }
    }
}
