package fr.mel.opale.search.api;

import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.search.CatalogSearch;
import fr.mel.opale.search.Facet;
import fr.mel.opale.search.FacetValue;
import fr.mel.opale.search.SearchHit;
import fr.mel.opale.search.SearchProblem;
import fr.mel.opale.search.SearchQuery;
import fr.mel.opale.search.SearchResult;
import fr.mel.opale.search.SearchSort;
import fr.mel.opale.search.Suggestion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.Parameters;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/search}: full-text search with filters and multi-select facets, suggestions, and the index rebuild.
 * Public; answers are limited to what the caller may read.
 */
@RestController
@RequestMapping(path = "/api/search", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Recherche", description = "Recherche plein texte dans le catalogue, filtres et facettes")
class SearchController {
    private static final int MAX_PAGE = 100_000;

    private final CatalogSearch search;

    SearchController(CatalogSearch search) {
        this.search = search;
    }

    @GetMapping
    @Operation(summary = "Recherche des fiches visibles, avec facettes",
            description = """
                    Plein texte en français (racinisation, accents et casse ignorés, élisions) ; "…" pour une \
                    expression exacte, - pour exclure, * en fin de mot pour un préfixe, | pour « ou ». Les filtres \
                    se répètent (category=a&category=b) : « ou » au sein d'un filtre, « et » entre filtres. Les \
                    comptes d'une facette appliquent tous les autres filtres mais pas le sien. Une valeur inconnue \
                    donne un résultat vide, jamais une erreur. Libellés en français, en anglais avec \
                    Accept-Language: en.""")
    @Parameters({
            @Parameter(name = "q", in = ParameterIn.QUERY,
                    description = "Texte recherché (syntaxe simple, jamais d'erreur de syntaxe)"),
            @Parameter(name = "category", in = ParameterIn.QUERY, array = @ArraySchema(schema = @Schema(type = "string")),
                    description = "Catégorie d'usage (URI du concept) ; une catégorie inclut ses sous-catégories"),
            @Parameter(name = "keyword", in = ParameterIn.QUERY, array = @ArraySchema(schema = @Schema(type = "string")),
                    description = "Mot-clé (libellé)"),
            @Parameter(name = "thesaurus", in = ParameterIn.QUERY, array = @ArraySchema(schema = @Schema(type = "string")),
                    description = "Mot-clé d'un thésaurus : uriDuThesaurus|uriDuConcept (ou libellé) ; « ou » au sein "
                            + "d'un thésaurus, « et » entre thésaurus"),
            @Parameter(name = "org", in = ParameterIn.QUERY, array = @ArraySchema(schema = @Schema(type = "string")),
                    description = "Organisation (éditeur, sinon premier contact)"),
            @Parameter(name = "kind", in = ParameterIn.QUERY, array = @ArraySchema(schema = @Schema(type = "string")),
                    description = "Type de fiche : dataset, series, service, non_geographic_dataset, map, "
                            + "application, reuse, feature_catalogue, other"),
            @Parameter(name = "format", in = ParameterIn.QUERY, array = @ArraySchema(schema = @Schema(type = "string")),
                    description = "Format normalisé : CSV, GeoJSON, Shapefile, WMS…"),
            @Parameter(name = "license", in = ParameterIn.QUERY, array = @ArraySchema(schema = @Schema(type = "string")),
                    description = "Licence (libellé normalisé, ex. « Licence Ouverte / Open Licence 2.0 »)"),
            @Parameter(name = "geo", in = ParameterIn.QUERY, array = @ArraySchema(schema = @Schema(type = "string")),
                    description = "true : données géographiques ; false : non géographiques"),
            @Parameter(name = "frequency", in = ParameterIn.QUERY, array = @ArraySchema(schema = @Schema(type = "string")),
                    description = "Fréquence de mise à jour (code ISO : daily, monthly, asNeeded…)"),
            @Parameter(name = "quality", in = ParameterIn.QUERY, array = @ArraySchema(schema = @Schema(type = "string")),
                    description = "Niveau de qualité des métadonnées : insufficient, fair, good, excellent"),
            @Parameter(name = "bbox", in = ParameterIn.QUERY, example = "2.9,50.5,3.3,50.8",
                    description = "Emprise minx,miny,maxx,maxy en degrés WGS84 : les fiches dont l'emprise la touche "
                            + "(minx > maxx : emprise à cheval sur l'antiméridien)"),
            @Parameter(name = "sort", in = ParameterIn.QUERY, description = "Ordre : relevance (défaut avec q), "
                    + "title, modified (défaut sans q, plus récentes d'abord), score (meilleure qualité d'abord)"),
            @Parameter(name = "page", in = ParameterIn.QUERY, schema = @Schema(type = "integer", defaultValue = "0"),
                    description = "Numéro de page, à partir de 0"),
            @Parameter(name = "size", in = ParameterIn.QUERY, schema = @Schema(type = "integer", defaultValue = "20"),
                    description = "Taille de page, de 1 à 100")})
    SearchResponse search(@Parameter(hidden = true) HttpServletRequest request) {
        // Read from the request, not bound to List<String>: Spring would split one value at its commas, and
        // organisation names and licences contain commas ("Environnement, Énergie").
        String q = request.getParameter("q");
        String bbox = request.getParameter("bbox");
        String sort = request.getParameter("sort");
        String page = request.getParameter("page");
        String size = request.getParameter("size");
        SearchQuery.Builder query = SearchQuery.builder()
                .text(q)
                .bbox(bbox(bbox))
                .sort(sort(sort))
                .page(number(page, 0, 0, MAX_PAGE, "Le numéro de page doit être un entier de 0 à " + MAX_PAGE + "."))
                .size(number(size, SearchQuery.DEFAULT_SIZE, 1, SearchQuery.MAX_SIZE,
                        "La taille de page doit être un entier de 1 à " + SearchQuery.MAX_SIZE + "."))
                .language(LocaleContextHolder.getLocale());
        for (Facet facet : Facet.values()) {
            String[] values = request.getParameterValues(facet.parameter());
            if (values != null) {
                query.filter(facet, List.of(values));
            }
        }
        String text = q == null ? null : q.strip();
        if (text != null && text.length() > SearchQuery.MAX_TEXT_LENGTH) {
            throw SearchProblem.invalid("Le texte recherché dépasse " + SearchQuery.MAX_TEXT_LENGTH + " caractères.");
        }
        return SearchResponse.of(search.search(query.build()), search, LocaleContextHolder.getLocale());
    }

    @GetMapping("/suggest")
    @Operation(summary = "Suggestions pendant la frappe",
            description = "Jusqu'à 10 mots-clés puis titres de fiches dont chaque mot commence par un mot tapé.")
    List<Suggestion> suggest(@Parameter(description = "Début de ce que tape le visiteur")
                             @RequestParam(required = false, defaultValue = "") String q) {
        return search.suggest(q);
    }

    @PostMapping("/reindex")
    @Operation(summary = "Reconstruit l'index de recherche à partir du catalogue (administrateurs de la plateforme)")
    Map<String, Long> reindex() {
        return Map.of("indexed", search.reindex());
    }

    private static @Nullable BoundingBox bbox(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String[] parts = value.split(",", -1);
        String expected = "L'emprise doit s'écrire minx,miny,maxx,maxy en degrés WGS84 (longitudes de -180 à 180, "
                + "latitudes de -90 à 90, miny ≤ maxy), par exemple 2.9,50.5,3.3,50.8.";
        if (parts.length != 4) {
            throw SearchProblem.invalid(expected);
        }
        double[] numbers = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                numbers[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw SearchProblem.invalid(expected);
            }
            if (!Double.isFinite(numbers[i])) {
                throw SearchProblem.invalid(expected);
            }
        }
        if (numbers[1] > numbers[3] || Math.abs(numbers[0]) > 180 || Math.abs(numbers[2]) > 180
                || Math.abs(numbers[1]) > 90 || Math.abs(numbers[3]) > 90) {
            throw SearchProblem.invalid(expected);
        }
        return new BoundingBox(numbers[0], numbers[1], numbers[2], numbers[3]);
    }

    private static @Nullable SearchSort sort(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return SearchSort.ofParameter(value).orElseThrow(() -> SearchProblem.invalid(
                "Ordre inconnu « " + value + " » : relevance, title, modified ou score."));
    }

    private static int number(@Nullable String value, int absent, int min, int max, String message) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < min || number > max) {
                throw SearchProblem.invalid(message);
            }
            return number;
        } catch (NumberFormatException e) {
            throw SearchProblem.invalid(message);
        }
    }

    /** The JSON answer of {@code GET /api/search}. */
    record SearchResponse(long total, int page, int size, List<Result> results,
                          Map<String, List<FacetEntry>> facets) {
        static SearchResponse of(SearchResult result, CatalogSearch search, Locale language) {
            Map<String, List<FacetEntry>> facets = new LinkedHashMap<>();
            result.facets().forEach((facet, values) -> facets.put(facet.parameter(),
                    values.stream().map(FacetEntry::of).toList()));
            return new SearchResponse(result.total(), result.page(), result.size(),
                    result.hits().stream().map(hit -> Result.of(hit, search, language)).toList(), facets);
        }
    }

    /** One result card. */
    record Result(String id, String title, String kind, String kindLabel, String description,
                  @Nullable String organisation, List<Category> categories, List<String> keywords,
                  List<String> formats, Instant modified, @Nullable Integer score, @Nullable String band,
                  @Nullable String bandLabel) {
        static Result of(SearchHit hit, CatalogSearch search, Locale language) {
            return new Result(hit.id(), hit.title(), hit.kind(), search.label(Facet.KIND, hit.kind(), language),
                    hit.excerpt(), hit.organisation(),
                    hit.categories().stream().map(c -> new Category(c.value(), c.label())).toList(),
                    hit.keywords(), hit.formats().stream().map(SearchHit.Labelled::value).toList(), hit.modified(),
                    hit.qualityScore(), hit.qualityBand(),
                    hit.qualityBand() == null ? null : search.label(Facet.QUALITY, hit.qualityBand(), language));
        }
    }

    /** A usage category of a result. */
    record Category(String uri, String label) {
    }

    /** One facet value. */
    record FacetEntry(String value, String label, long count, boolean selected) {
        static FacetEntry of(FacetValue value) {
            return new FacetEntry(value.value(), value.label(), value.count(), value.selected());
        }
    }
}
