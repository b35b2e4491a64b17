package fr.mel.opale.thesaurus.internal;

import fr.mel.opale.thesaurus.SkosFormat;
import fr.mel.opale.thesaurus.Thesauri;
import fr.mel.opale.thesaurus.ThesaurusSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Loads MEL's usage categories ({@code thesaurus/usage-categories.ttl}) at start when no usage-category thesaurus
 * exists, demo or not: they are reference data. Runs before the other start-up tasks (demo catalog), so records
 * created at start are classified. An administrator's replacement is never overwritten.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UsageCategoriesAtStart implements ApplicationRunner {
    static final String RESOURCE = "thesaurus/usage-categories.ttl";
    static final String ID = "categories";
    private static final Logger LOG = LoggerFactory.getLogger(UsageCategoriesAtStart.class);

    private final Thesauri thesauri;

    UsageCategoriesAtStart(Thesauri thesauri) {
        this.thesauri = thesauri;
    }

    @Override
    public void run(ApplicationArguments args) {
        byte[] content;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            content = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Catégories d'usage par défaut illisibles : " + RESOURCE, e);
        }
        ThesaurusSummary usage = thesauri.ensureUsageCategories(content, SkosFormat.TURTLE, ID);
        LOG.info("Catégories d'usage : thésaurus « {} », {} concepts", usage.id(), usage.conceptCount());
    }
}
