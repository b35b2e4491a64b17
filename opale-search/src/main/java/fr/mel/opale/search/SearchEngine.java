package fr.mel.opale.search;

import fr.mel.opale.search.internal.FrenchAnalysis;
import fr.mel.opale.search.internal.RecordDocument;
import fr.mel.opale.search.internal.RecordDocuments;
import fr.mel.opale.search.internal.RecordQueries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.AnnotatedTypeSource;
import org.hibernate.search.mapper.pojo.standalone.mapping.CloseableSearchMapping;
import org.hibernate.search.mapper.pojo.standalone.mapping.SearchMapping;
import org.hibernate.search.mapper.pojo.standalone.session.SearchSession;
import org.hibernate.search.mapper.pojo.work.IndexingPlanSynchronizationStrategy;
import org.jspecify.annotations.Nullable;

/**
 * The record index without Spring: Hibernate Search's standalone POJO mapper on the Lucene backend, one index of
 * {@link RecordDocument}s in a directory of its own. {@link CatalogSearch} runs on it inside the application; the
 * benchmark drives it directly.
 *
 * <p>Writes are synchronous: when {@link #index} or {@link #delete} returns, the change is committed and the next
 * search sees it. Searches and writes are thread-safe. Close the engine to release the directory (one engine per
 * directory: Lucene locks it).
 */
public final class SearchEngine implements AutoCloseable {
    /**
     * The version of the index mapping (fields, analyzers). An index written under another version is dropped and
     * rebuilt at start: bump it with every mapping change.
     */
    public static final String MAPPING_VERSION = "4";
    private static final String VERSION_FILE = "opale-mapping-version";

    private final CloseableSearchMapping mapping;
    private final RecordQueries queries;
    private final boolean rebuilt;

    private SearchEngine(@Nullable Path directory) {
        this.rebuilt = directory != null && prepare(directory);
        var builder = SearchMapping.builder(AnnotatedTypeSource.fromClasses(RecordDocument.class),
                        MethodHandles.lookup())
                .property("hibernate.search.backend.analysis.configurer", new FrenchAnalysis())
                .property("hibernate.search.backend.lucene_version", "9.12.0")
                // A search right after a write sees it (Lucene refreshes its reader before searching when needed).
                .property("hibernate.search.indexing.plan.synchronization.strategy", "sync");
        if (directory == null) {
            builder.property("hibernate.search.backend.directory.type", "local-heap");
        } else {
            builder.property("hibernate.search.backend.directory.type", "local-filesystem")
                    .property("hibernate.search.backend.directory.root", directory.toAbsolutePath().toString());
        }
        this.mapping = builder.build();
        this.queries = new RecordQueries(mapping);
        if (directory != null) {
            writeVersion(directory);
        }
    }

    /**
     * Opens (creating it if needed) the index under {@code directory}. An index of another
     * {@link #MAPPING_VERSION} is deleted first; {@link #wasReset()} then says so.
     */
    public static SearchEngine open(Path directory) {
        return new SearchEngine(directory);
    }

    /** An index in memory, lost on close (tests, benchmarks of the query side). */
    public static SearchEngine inMemory() {
        return new SearchEngine(null);
    }

    /** Whether opening found an index of an older mapping and deleted it: the caller must re-index everything. */
    public boolean wasReset() {
        return rebuilt;
    }

    /** Adds or replaces these records, committed on return. */
    public void index(Collection<IndexedRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        try (SearchSession session = session()) {
            for (IndexedRecord record : records) {
                session.indexingPlan().addOrUpdate(RecordDocuments.of(record));
            }
        }
    }

    /** Removes these records (unknown identifiers are ignored), committed on return. */
    public void delete(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try (SearchSession session = session()) {
            for (String id : ids) {
                session.indexingPlan().purge(RecordDocument.class, id, null);
            }
        }
    }

    /** Number of indexed records, whoever may see them. */
    public long count() {
        return queries.count();
    }

    /** Identifiers of every indexed record. */
    public Set<String> ids() {
        return new HashSet<>(queries.ids());
    }

    /**
     * Merges the index into as few segments as possible. Facet counting maps each segment's terms to global
     * ordinals on every query, so after a bulk load (rebuild, benchmark) one segment answers faceted queries
     * several times faster. Costs a rewrite of the index: call it after bulk writes, not after each change.
     */
    public void compact() {
        try (SearchSession session = session()) {
            session.workspace().mergeSegments();
        }
    }

    /** Removes every record, committed on return. */
    public void clear() {
        try (SearchSession session = session()) {
            session.workspace().purge();
            session.workspace().flush();
        }
    }

    /**
     * Runs a query for a viewer whose rights are {@code scope}. Facet labels are the raw values here; callers that
     * know labels (thesauri, translations) replace them.
     */
    public SearchResult search(SearchQuery query, ReadScope scope) {
        return queries.search(query, scope, true);
    }

    /**
     * Like {@link #search(SearchQuery, ReadScope)} with {@code withFacets} false: hits and total only, every facet
     * empty (result lists that show no facet panel, and the benchmark's reference).
     */
    public SearchResult search(SearchQuery query, ReadScope scope, boolean withFacets) {
        return queries.search(query, scope, withFacets);
    }

    /**
     * Up to {@code max} completions of what a visitor is typing: keywords first (they become filters), then record
     * titles, from records {@code scope} may see. Blank text gives none.
     */
    public List<Suggestion> suggest(String text, int max, ReadScope scope) {
        return queries.suggest(text, max, scope);
    }

    /** Per owner organisation (slug), the records {@code scope} sees and their mean quality score. */
    public Map<String, OwnerFigures> owners(ReadScope scope, Set<String> only) {
        return queries.owners(scope, only);
    }

    /** Up to {@code max} records {@code scope} sees that cite {@code recordId} as a related record, by title. */
    public List<SearchHit> citing(String recordId, int max, ReadScope scope) {
        return queries.citing(recordId, max, scope);
    }

    /** Facet values with counts for {@code facet} over everything {@code scope} sees (home page tiles...). */
    public Map<String, Long> counts(Facet facet, ReadScope scope) {
        return queries.counts(facet, scope);
    }

    @Override
    public void close() {
        mapping.close();
    }

    private SearchSession session() {
        return mapping.createSessionWithOptions()
                .indexingPlanSynchronizationStrategy(IndexingPlanSynchronizationStrategy.sync()).build();
    }

    /** Deletes an index of another mapping version; true when something was deleted. */
    private static boolean prepare(Path directory) {
        try {
            Files.createDirectories(directory);
            Path versionFile = directory.resolve(VERSION_FILE);
            String found = Files.exists(versionFile) ? Files.readString(versionFile, StandardCharsets.UTF_8).strip() : null;
            if (MAPPING_VERSION.equals(found)) {
                return false;
            }
            boolean hadIndex;
            try (Stream<Path> entries = Files.list(directory)) {
                hadIndex = entries.findAny().isPresent();
            }
            if (hadIndex) {
                try (Stream<Path> tree = Files.walk(directory)) {
                    for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                        if (!path.equals(directory)) {
                            Files.delete(path);
                        }
                    }
                }
            }
            return hadIndex;
        } catch (IOException e) {
            throw new UncheckedIOException("Index de recherche inutilisable : " + directory, e);
        }
    }

    private static void writeVersion(Path directory) {
        try {
            Files.writeString(directory.resolve(VERSION_FILE), MAPPING_VERSION, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
