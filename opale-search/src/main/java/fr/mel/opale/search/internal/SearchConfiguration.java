package fr.mel.opale.search.internal;

import fr.mel.opale.search.SearchEngine;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Opens the record index under {@code opale.search.index-dir}, by default {@code <opale.data.dir>/index}, so it
 * lives and is backed up with the rest of the data directory. Closed with the application (Lucene locks it).
 */
@Configuration(proxyBeanMethods = false)
class SearchConfiguration {
    @Bean(destroyMethod = "close")
    SearchEngine searchEngine(@Value("${opale.search.index-dir:${opale.data.dir:./data}/index}") Path directory) {
        return SearchEngine.open(directory);
    }
}
