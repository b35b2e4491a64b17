package fr.mel.opale.testing;

import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the context at a fresh in-memory H2 database, so test classes never see each other's rows, and at a fresh
 * search index directory to match.
 */
public class H2TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String name = "opale-" + UUID.randomUUID();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("opale-test-h2", Map.of(
                "spring.datasource.url", "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                "spring.datasource.username", "sa",
                "spring.datasource.password", "",
                "opale.search.index-dir", TestDirectories.freshIndexDirectory())));
    }
}
