package fr.mel.opale.search.internal;

import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.core.StopFilterFactory;
import org.apache.lucene.analysis.fr.FrenchLightStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.ngram.EdgeNGramFilterFactory;
import org.apache.lucene.analysis.snowball.SnowballPorterFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.apache.lucene.analysis.util.ElisionFilterFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analyzers and normalizer the index mapping names. Lucene ships no configurable "french" analyzer for Hibernate
 * Search, so it is defined here; every component has an Elasticsearch/OpenSearch twin of the same name (elision,
 * lowercase, stop {@code _french_}, asciifolding, snowball French, light_french, edge_ngram), so the mapping moves
 * to that backend with an equivalent configurer and no change.
 *
 * <p>Why Snowball then the light stemmer: the light stemmer alone keeps "inondable" apart from "inondation"
 * ({@code inondabl} vs {@code inond}); Snowball's French rules conflate them but keep plurals such as "vélos"; the
 * light stemmer after Snowball folds those. Folding accents happens <em>before</em> stemming so that a query typed
 * without accents ("donnees", "securite") stems exactly like the accented text.
 */
public final class FrenchAnalysis implements LuceneAnalysisConfigurer {
    /** Full text in French: titles, descriptions, keywords, organisations. */
    public static final String FRENCH = "french";
    /** Index side of autocomplete: every word's prefixes (1 to 20 characters). */
    public static final String AUTOCOMPLETE = "autocomplete";
    /** Query side of autocomplete: the words as typed, folded. */
    public static final String AUTOCOMPLETE_QUERY = "autocomplete_query";
    /** Sort keys: lower case, no accents. */
    public static final String SORT = "sort";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(FRENCH).custom()
                .tokenizer(StandardTokenizerFactory.class)
                // l'eau, d'eau, qu'il, jusqu'à (straight and typographic apostrophes), whatever the case.
                .tokenFilter(ElisionFilterFactory.class).param("ignoreCase", "true")
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(StopFilterFactory.class)
                .param("words", "org/apache/lucene/analysis/snowball/french_stop.txt")
                .param("format", "snowball").param("ignoreCase", "true")
                .tokenFilter(ASCIIFoldingFilterFactory.class)
                .tokenFilter(SnowballPorterFilterFactory.class).param("language", "French")
                .tokenFilter(FrenchLightStemFilterFactory.class);
        context.analyzer(AUTOCOMPLETE).custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(ElisionFilterFactory.class).param("ignoreCase", "true")
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class)
                .tokenFilter(EdgeNGramFilterFactory.class).param("minGramSize", "1").param("maxGramSize", "20");
        context.analyzer(AUTOCOMPLETE_QUERY).custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(ElisionFilterFactory.class).param("ignoreCase", "true")
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class);
        context.normalizer(SORT).custom()
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class);
    }
}
