package fr.mel.opale.access.organisation;

import fr.mel.opale.access.AccessChanged;
import fr.mel.opale.access.internal.OrganisationStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates at start the organisations every MEL platform has: the Métropole Européenne de Lille ({@value #MEL}) and
 * its 95 communes under it (name, INSEE code, slug from {@code organisations/communes-mel.csv}), those that are absent
 * only — an organisation whose slug or INSEE code already exists is left as it is (renamed, re-parented by an
 * administrator: their choice stands), so a restart changes nothing.
 *
 * <p>A start-up step rather than a migration: the list is a product resource (the official geographic code changes
 * when communes merge; a new file is a new release, not a new migration in two SQL dialects), each row goes through
 * the same checks and {@link AccessChanged} event as an administrator's creation (audit log, caches), and
 * {@code opale.organisations.communes=false} turns it off (platforms of other territories, tests that want an empty
 * directory).
 */
@Component
public class CommunesProvisioning implements ApplicationRunner {
    /** The slug of the Métropole Européenne de Lille, parent of the communes. */
    public static final String MEL = "mel";
    public static final String MEL_NAME = "Métropole Européenne de Lille";
    static final String RESOURCE = "organisations/communes-mel.csv";
    private static final Logger LOG = LoggerFactory.getLogger(CommunesProvisioning.class);

    private final OrganisationStore store;
    private final ApplicationEventPublisher events;
    private final boolean enabled;

    CommunesProvisioning(OrganisationStore store, ApplicationEventPublisher events,
                         @Value("${opale.organisations.communes:true}") boolean enabled) {
        this.store = store;
        this.events = events;
        this.enabled = enabled;
    }

    /** One commune of the shipped list. */
    public record Commune(String name, String inseeCode, String slug) {
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (enabled) {
            int created = provision();
            if (created > 0) {
                LOG.info("{} organisation(s) créée(s) : la MEL et ses communes absentes", created);
            }
        }
    }

    /**
     * Creates what is absent; returns how many organisations were created (0 the second time). Reads the directory
     * once (one query, not two per commune: this runs before the platform reports itself ready).
     */
    @Transactional
    public int provision() {
        int created = 0;
        List<Organisation> all = store.all();
        Set<String> slugs = new HashSet<>();
        Set<String> inseeCodes = new HashSet<>();
        Long mel = null;
        for (Organisation organisation : all) {
            slugs.add(organisation.slug());
            if (organisation.inseeCode() != null) {
                inseeCodes.add(organisation.inseeCode());
            }
            if (organisation.slug().equals(MEL)) {
                mel = organisation.id();
            }
        }
        if (mel == null) {
            mel = store.insert(MEL, MEL_NAME, null, null);
            slugs.add(MEL);
            announce(MEL, MEL_NAME);
            created++;
        }
        for (Commune commune : communes()) {
            if (!slugs.contains(commune.slug()) && !inseeCodes.contains(commune.inseeCode())) {
                store.insert(commune.slug(), commune.name(), commune.inseeCode(), mel);
                slugs.add(commune.slug());
                inseeCodes.add(commune.inseeCode());
                announce(commune.slug(), commune.name() + " (" + commune.inseeCode() + ")");
                created++;
            }
        }
        return created;
    }

    /** The shipped list, in file order (by INSEE code), each row checked as an administrator's input would be. */
    public static List<Commune> communes() {
        List<Commune> communes = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new ClassPathResource(RESOURCE).getInputStream(), StandardCharsets.UTF_8))) {
            String header = in.readLine();
            if (!Objects.equals(header, "name;insee;slug")) {
                throw new IllegalStateException(RESOURCE + " : en-tête inattendu " + header);
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    String[] cells = line.split(";", -1);
                    if (cells.length != 3) {
                        throw new IllegalStateException(RESOURCE + " : ligne invalide " + line);
                    }
                    communes.add(new Commune(Names.name(cells[0], "la commune"), Names.insee(cells[1]),
                            Names.slug(cells[2], "la commune")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(communes);
    }

    private void announce(String slug, String what) {
        events.publishEvent(new AccessChanged(AccessChanged.Kind.ORGANISATION, slug,
                "création au démarrage : " + what, null));
    }
}
