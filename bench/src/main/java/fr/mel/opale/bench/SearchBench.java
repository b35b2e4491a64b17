package fr.mel.opale.bench;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Visibility;
import fr.mel.opale.catalog.StoredRecord;
import fr.mel.opale.catalog.model.BoundingBox;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Format;
import fr.mel.opale.catalog.model.Keyword;
import fr.mel.opale.catalog.model.LinkedText;
import fr.mel.opale.catalog.model.LocalizedText;
import fr.mel.opale.catalog.model.Organisation;
import fr.mel.opale.catalog.model.RecordKind;
import fr.mel.opale.catalog.model.SpatialExtent;
import fr.mel.opale.catalog.model.ThesaurusCitation;
import fr.mel.opale.search.Facet;
import fr.mel.opale.search.IndexedRecord;
import fr.mel.opale.search.ReadScope;
import fr.mel.opale.search.SearchEngine;
import fr.mel.opale.search.SearchQuery;
import fr.mel.opale.search.SearchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Search benchmark: indexes 20 000 synthetic records shaped like MEL's catalogue (French titles and abstracts of
 * realistic length, 30 keywords, the 11 usage categories, 95 communes as organisations, mixed kinds, formats and
 * licences, boxes around Lille) into the real engine on a temporary directory, then times a mix of searches with
 * every facet after a warm-up, against the same searches without facets measured in the same run.
 *
 * <p>Run: {@code mvn -B -q -Pbench -pl bench -am verify -DskipTests} (see bench/README.md). Arguments or system
 * properties: {@code bench.records} (20000), {@code bench.rounds} (3).
 */
public final class SearchBench {
    private static final String CATEGORIES = "https://data.lillemetropole.fr/thematique/categories";
    private static final List<String> CATEGORY_SLUGS = List.of("administration_action_publique",
            "amenagement_urbanisme_foncier", "culture_tourisme_sport", "economie_emploi",
            "education_formation_enseignement", "environnement_energie", "espace_public", "habitat_logement",
            "mobilite_transports_deplacement", "participation_citoyenne_democratie_locale", "services_social_sante");
    private static final List<String> KEYWORDS = List.of("voirie", "vélo", "stationnement", "déchets", "eau potable",
            "assainissement", "espaces verts", "bruit", "qualité de l'air", "énergie", "logement social", "écoles",
            "équipements sportifs", "culture", "tourisme", "transports en commun", "métro", "bus", "tramway",
            "population", "emploi", "entreprises", "urbanisme", "PLU", "cadastre", "inondation", "risques",
            "patrimoine", "élections", "budget");
    private static final List<String> COMMUNES = List.of("Lille", "Roubaix", "Tourcoing", "Villeneuve-d'Ascq",
            "Marcq-en-Barœul", "Wattrelos", "Lambersart", "Armentières", "Loos", "La Madeleine", "Croix",
            "Mons-en-Barœul", "Hem", "Wasquehal", "Faches-Thumesnil", "Halluin", "Ronchin", "Lys-lez-Lannoy",
            "Seclin", "Haubourdin", "Comines", "Saint-André-lez-Lille", "Wambrechies", "Mouvaux", "Hellemmes",
            "Lomme", "Lezennes", "Leers", "Bondues", "Neuville-en-Ferrain", "Wervicq-Sud", "Linselles",
            "Marquette-lez-Lille", "Quesnoy-sur-Deûle", "Sainghin-en-Weppes", "Wavrin", "Don", "Annœullin",
            "Allennes-les-Marais", "Carnin", "Provin", "Bauvin", "Santes", "Hallennes-lez-Haubourdin", "Emmerin",
            "Houplin-Ancoisne", "Noyelles-lès-Seclin", "Templemars", "Vendeville", "Wattignies", "Lesquin",
            "Fretin", "Péronne-en-Mélantois", "Sainghin-en-Mélantois", "Tressin", "Chéreng", "Baisieux",
            "Willems", "Forest-sur-Marque", "Sailly-lez-Lannoy", "Lannoy", "Toufflers", "Leers-Nord", "Anstaing",
            "Gruson", "Bouvines", "Ennetières-en-Weppes", "Englos", "Escobecques", "Erquinghem-le-Sec",
            "Beaucamps-Ligny", "Fournes-en-Weppes", "Le Maisnil", "Radinghem-en-Weppes", "Hantay",
            "La Bassée", "Salomé", "Herlies", "Illies", "Aubers", "Fromelles", "Bois-Grenier",
            "La Chapelle-d'Armentières", "Houplines", "Frelinghien", "Erquinghem-Lys", "Deûlémont", "Pérenchies",
            "Prémesques", "Capinghem", "Verlinghem", "Lompret", "Saint-Maurice-Pellevoisin", "Ronchin-Centre",
            "Métropole Européenne de Lille");
    private static final List<String> SUBJECTS = List.of("Inventaire des arbres d'alignement",
            "Stationnements vélos", "Points de collecte des déchets", "Réseau d'assainissement", "Zones inondables",
            "Mesures de la qualité de l'air", "Consommations d'énergie des bâtiments", "Logements sociaux",
            "Équipements sportifs", "Lieux culturels", "Arrêts de bus et de tramway", "Plan local d'urbanisme",
            "Parcelles cadastrales", "Budget primitif", "Résultats des élections municipales",
            "Établissements scolaires", "Monuments historiques", "Cartographie du bruit routier",
            "Pistes cyclables", "Bornes de recharge pour véhicules électriques");
    private static final List<String> SENTENCES = List.of(
            "Ce jeu de données recense l'ensemble des objets gérés par la collectivité sur son territoire.",
            "Les données sont mises à jour par les services techniques à partir des relevés de terrain.",
            "La géométrie est fournie en Lambert-93 et reprojetée en WGS84 pour la diffusion.",
            "Chaque enregistrement comporte un identifiant unique, la commune et la date de dernière modification.",
            "Les informations sont publiées sous licence ouverte afin de favoriser leur réutilisation.",
            "La précision de la localisation dépend de la méthode de saisie et peut varier de quelques mètres.",
            "Ce référentiel sert de base aux études d'aménagement et aux politiques publiques de la métropole.",
            "Les attributs décrivent l'état, la catégorie et le gestionnaire de chaque élément.",
            "Une documentation détaillée des champs est disponible sur le portail de données ouvertes.",
            "Les données historiques sont conservées et versionnées à chaque mise à jour annuelle.");
    private static final List<String> FORMATS = List.of("CSV", "GeoJSON", "ESRI Shapefile", "XLSX", "PDF", "KML");
    private static final List<String> LICENCES = List.of("Licence Ouverte v2.0", "ODbL", "CC-BY 4.0",
            "Conditions générales d'utilisation de la MEL");
    private static final List<String> FREQUENCIES = List.of("daily", "weekly", "monthly", "annually", "asNeeded",
            "irregular");
    private static final List<String> BANDS = List.of("insufficient", "fair", "good", "excellent");
    private static final RecordKind[] KINDS = {RecordKind.DATASET, RecordKind.DATASET, RecordKind.DATASET,
            RecordKind.SERIES, RecordKind.SERVICE, RecordKind.NON_GEOGRAPHIC_DATASET, RecordKind.MAP,
            RecordKind.REUSE};

    private SearchBench() {
    }

    public static void main(String[] args) throws IOException {
        int count = Integer.getInteger("bench.records", args.length > 0 ? Integer.parseInt(args[0]) : 20_000);
        int rounds = Integer.getInteger("bench.rounds", 3);
        Random random = new Random(42);
        List<IndexedRecord> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            records.add(record(i, random));
        }
        Path directory = Files.createTempDirectory("opale-bench-index");
        try (SearchEngine engine = SearchEngine.open(directory)) {
            long start = System.nanoTime();
            for (int from = 0; from < count; from += 1000) {
                engine.index(records.subList(from, Math.min(count, from + 1000)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long compactStart = System.nanoTime();
            engine.compact();
            double compactSeconds = (System.nanoTime() - compactStart) / 1e9;
            System.out.printf(Locale.ROOT, "Indexation : %d fiches en %.1f s, %.0f fiches/s (lots de 1000, "
                    + "validés sur disque), puis fusion des segments en %.1f s%n", count, seconds, count / seconds,
                    compactSeconds);
            System.out.printf(Locale.ROOT, "Index : %d fiches, %.1f Mo%n", engine.count(), size(directory) / 1e6);

            Map<String, List<SearchQuery>> mix = queries(new Random(7));
            // Warm-up: JIT, Lucene caches, the OS page cache.
            for (int i = 0; i < 3; i++) {
                mix.values().forEach(list -> list.forEach(q -> engine.search(q, ReadScope.PUBLIC_ONLY)));
                mix.values().forEach(list -> list.forEach(q -> engine.search(q, ReadScope.PUBLIC_ONLY, false)));
            }
            Map<String, long[]> faceted = new LinkedHashMap<>();
            Map<String, long[]> plain = new LinkedHashMap<>();
            List<Long> allFaceted = new ArrayList<>();
            List<Long> allPlain = new ArrayList<>();
            for (Map.Entry<String, List<SearchQuery>> type : mix.entrySet()) {
                List<Long> withFacets = new ArrayList<>();
                List<Long> without = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    for (SearchQuery query : type.getValue()) {
                        // Interleaved, so both series see the same machine state.
                        withFacets.add(time(() -> engine.search(query, ReadScope.PUBLIC_ONLY)));
                        without.add(time(() -> engine.search(query, ReadScope.PUBLIC_ONLY, false)));
                    }
                }
                faceted.put(type.getKey(), sorted(withFacets));
                plain.put(type.getKey(), sorted(without));
                allFaceted.addAll(withFacets);
                allPlain.addAll(without);
            }
            System.out.println();
            System.out.println("Latence en ms (toutes facettes | sans facettes = référence)        p50     p95     p99"
                    + "   | réf p50  réf p95");
            faceted.forEach((type, times) -> line(type, times, plain.get(type)));
            long[] all = sorted(allFaceted);
            long[] reference = sorted(allPlain);
            line("ensemble", all, reference);
            System.out.printf(Locale.ROOT, "%nRapport toutes facettes / sans facettes : p50 x%.1f, p95 x%.1f%n",
                    (double) percentile(all, 50) / percentile(reference, 50),
                    (double) percentile(all, 95) / percentile(reference, 95));
            System.out.printf(Locale.ROOT, "Objectif p95 < 30 ms : %s (p95 = %.2f ms)%n",
                    percentile(all, 95) < 30_000_000L ? "atteint" : "MANQUÉ", percentile(all, 95) / 1e6);
            accessFilterCost(engine, mix, rounds);
            SearchResult sample = engine.search(mix.get("sans texte").get(0), ReadScope.PUBLIC_ONLY);
            System.out.printf(Locale.ROOT, "Exemple : %d résultats, %d valeurs de facettes%n", sample.total(),
                    sample.facets().values().stream().mapToInt(List::size).sum());
        } finally {
            try (Stream<Path> tree = Files.walk(directory)) {
                tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * What the access policy adds to a search: the same faceted queries, interleaved, with no access filter (what a
     * platform administrator gets: the reference), as an anonymous visitor (public only) and as a member of two
     * communes, one as editor, and of a project — the reader keys a logged-in agent holds. The filter is one more
     * clause over the indexed reader keys; hits, totals and facet counts all obey it.
     */
    private static void accessFilterCost(SearchEngine engine, Map<String, List<SearchQuery>> mix, int rounds) {
        ReadScope member = new ReadScope(false, Set.of(AccessPolicy.PUBLIC_KEY, "logged-in", "person:42",
                "organisation:lille", "organisation:roubaix", "editor:roubaix", "project:plan-vert"));
        Map<String, ReadScope> scopes = new LinkedHashMap<>();
        scopes.put("sans filtre d'accès (référence : administrateur)", ReadScope.EVERYTHING);
        scopes.put("public seulement (anonyme)", ReadScope.PUBLIC_ONLY);
        scopes.put("membre de 2 communes (dont 1 éditeur) et d'un projet", member);
        Map<String, List<Long>> times = new LinkedHashMap<>();
        scopes.keySet().forEach(name -> times.put(name, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (List<SearchQuery> queries : mix.values()) {
                for (SearchQuery query : queries) {
                    scopes.forEach((name, scope) -> times.get(name).add(time(() -> engine.search(query, scope))));
                }
            }
        }
        long[] reference = sorted(times.values().iterator().next());
        System.out.println();
        System.out.println("Coût du filtre d'accès (toutes facettes), ms             p50     p95     p99   | écart p50  écart p95");
        times.forEach((name, list) -> {
            long[] sorted = sorted(list);
            System.out.printf(Locale.ROOT, "  %-55s %7.2f %7.2f %7.2f   | %+8.2f  %+8.2f%n", name,
                    percentile(sorted, 50) / 1e6, percentile(sorted, 95) / 1e6, percentile(sorted, 99) / 1e6,
                    (percentile(sorted, 50) - percentile(reference, 50)) / 1e6,
                    (percentile(sorted, 95) - percentile(reference, 95)) / 1e6);
        });
    }

    private static Map<String, List<SearchQuery>> queries(Random random) {
        Map<String, List<SearchQuery>> mix = new LinkedHashMap<>();
        List<SearchQuery> none = new ArrayList<>();
        List<SearchQuery> oneWord = new ArrayList<>();
        List<SearchQuery> twoWordsFiltered = new ArrayList<>();
        List<SearchQuery> box = new ArrayList<>();
        List<String> words = List.of("vélo", "déchets", "inondation", "logement", "énergie", "bruit", "école",
                "budget", "tramway", "arbres", "parcelles", "culture", "élections", "assainissement", "air");
        for (int i = 0; i < 100; i++) {
            none.add(SearchQuery.builder().page(i % 5).build());
            oneWord.add(SearchQuery.builder().text(pick(words, random)).build());
            twoWordsFiltered.add(SearchQuery.builder().text(pick(words, random) + " " + pick(words, random))
                    .filter(Facet.ORGANISATION, pick(COMMUNES, random))
                    .filter(Facet.CATEGORY, CATEGORIES + "/" + pick(CATEGORY_SLUGS, random),
                            CATEGORIES + "/" + pick(CATEGORY_SLUGS, random))
                    .build());
            double west = 2.8 + random.nextDouble() * 0.4;
            double south = 50.5 + random.nextDouble() * 0.25;
            box.add(SearchQuery.builder().bbox(new BoundingBox(west, south, west + 0.05, south + 0.05))
                    .filter(Facet.KIND, "dataset").build());
        }
        mix.put("sans texte", none);
        mix.put("un mot", oneWord);
        mix.put("deux mots + filtres", twoWordsFiltered);
        mix.put("emprise + type", box);
        return mix;
    }

    private static IndexedRecord record(int i, Random random) {
        String commune = pick(COMMUNES, random);
        String title = pick(SUBJECTS, random) + " - " + commune + " (" + (2015 + random.nextInt(11)) + ")";
        StringBuilder description = new StringBuilder();
        int sentences = 3 + random.nextInt(10);
        for (int s = 0; s < sentences; s++) {
            description.append(pick(SENTENCES, random)).append(' ');
        }
        CatalogRecord.Builder builder = CatalogRecord.builder("bench-" + i)
                .kind(KINDS[random.nextInt(KINDS.length)])
                .title(LocalizedText.of("fr", title))
                .description(LocalizedText.of("fr", description.toString().strip()))
                .publisher(new Organisation(commune, null, null))
                .updateFrequency(pick(FREQUENCIES, random))
                .licence(random.nextInt(10) == 0 ? null : new LinkedText(pick(LICENCES, random), null));
        int keywords = 2 + random.nextInt(5);
        for (int k = 0; k < keywords; k++) {
            builder.addKeyword(new Keyword(LocalizedText.of("fr", pick(KEYWORDS, random)), null,
                    new ThesaurusCitation("Mots-clés MEL", "https://data.lillemetropole.fr/thematique/mots-cles", null),
                    "theme"));
        }
        List<String> categories = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        for (int c = 0; c < count; c++) {
            String uri = CATEGORIES + "/" + pick(CATEGORY_SLUGS, random);
            builder.addKeyword(new Keyword(LocalizedText.of("fr", uri.substring(uri.lastIndexOf('/') + 1)), uri,
                    new ThesaurusCitation("Catégories d'usage", CATEGORIES, null), "theme"));
            categories.add(uri);
        }
        int formats = 1 + random.nextInt(3);
        for (int f = 0; f < formats; f++) {
            builder.addFormat(new Format(pick(FORMATS, random), null));
        }
        if (random.nextInt(5) != 0) {
            double west = 2.8 + random.nextDouble() * 0.45;
            double south = 50.5 + random.nextDouble() * 0.3;
            double size = 0.005 + random.nextDouble() * 0.1;
            builder.spatialExtent(new SpatialExtent(new BoundingBox(west, south, Math.min(180, west + size),
                    Math.min(90, south + size)), null, List.of(commune)));
        }
        Instant modified = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(random.nextInt(200_000_000));
        Visibility visibility = random.nextInt(10) == 0 ? Visibility.RESTRICTED : Visibility.PUBLIC;
        int score = random.nextInt(101);
        // owned by its commune, so that a member's reader keys match some of the restricted records
        String owner = java.text.Normalizer.normalize(commune, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        StoredRecord stored = new StoredRecord(builder.build(), 1, modified, modified, visibility, owner);
        return new IndexedRecord(stored, categories, categories, score, BANDS.get(Math.min(3, score / 25)),
                AccessPolicy.readers(stored.protection(), List.of()));
    }

    private static void line(String type, long[] times, long[] reference) {
        System.out.printf(Locale.ROOT, "  %-62s %7.2f %7.2f %7.2f   | %7.2f  %7.2f%n", type + " (" + times.length
                        + " recherches)", percentile(times, 50) / 1e6, percentile(times, 95) / 1e6,
                percentile(times, 99) / 1e6, percentile(reference, 50) / 1e6, percentile(reference, 95) / 1e6);
    }

    private static long time(Runnable search) {
        long start = System.nanoTime();
        search.run();
        return System.nanoTime() - start;
    }

    private static long[] sorted(List<Long> times) {
        long[] values = times.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(values);
        return values;
    }

    private static long percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static long size(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
