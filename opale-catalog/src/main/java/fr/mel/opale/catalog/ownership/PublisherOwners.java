package fr.mel.opale.catalog.ownership;

import fr.mel.opale.access.organisation.Organisation;
import fr.mel.opale.access.organisation.Organisations;
import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Contact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The owner organisation of an imported record, from who published it: the record's publisher, then its contacts
 * by role (publisher, owner, point of contact, custodian, originator, distributor). For each, in that order: the
 * operator's mapping of names ({@link OwnerRules#publishers()}), of email domains ({@link OwnerRules#domains()}),
 * then an organisation of the same name — "Ville de Roubaix", "Mairie de Roubaix" or "ROUBAIX" are the commune
 * {@code roubaix}. Nothing matched: the mapping's default, else the platform (null).
 */
@Service
public class PublisherOwners {
    private static final List<String> ROLES = List.of("publisher", "owner", "pointofcontact", "custodian",
            "originator", "distributor");
    private final OwnerRules rules;
    private final Organisations organisations;

    public PublisherOwners(OwnerRules rules, Organisations organisations) {
        this.rules = rules;
        this.organisations = organisations;
    }

    /** The owners of new records, by identifier (a record owned by the platform is absent). */
    public Map<String, String> ownersOf(List<CatalogRecord> records) {
        Map<String, String> byName = organisationsByName();
        Map<String, String> owners = new HashMap<>();
        for (CatalogRecord record : records) {
            String owner = owner(record, byName);
            if (owner != null) {
                owners.put(record.id(), owner);
            }
        }
        return owners;
    }

    private @Nullable String owner(CatalogRecord record, Map<String, String> byName) {
        for (Candidate candidate : candidates(record)) {
            if (candidate.name() != null) {
                String key = PublisherNames.normalised(candidate.name());
                String mapped = rules.publishers().get(key);
                if (mapped != null) {
                    return mapped;
                }
            }
            if (candidate.email() != null) {
                int at = candidate.email().lastIndexOf('@');
                String mapped = at < 0 ? null : rules.domains().get(candidate.email().substring(at + 1).strip()
                        .toLowerCase(Locale.ROOT));
                if (mapped != null) {
                    return mapped;
                }
            }
            if (candidate.name() != null) {
                String named = byName.get(PublisherNames.normalised(candidate.name()));
                if (named != null) {
                    return named;
                }
            }
        }
        return rules.fallback();
    }

    /** Who may have published the record, the most telling first. */
    private static List<Candidate> candidates(CatalogRecord record) {
        List<Candidate> candidates = new ArrayList<>();
        if (record.publisher() != null) {
            candidates.add(new Candidate(record.publisher().name(), record.publisher().email()));
        }
        for (String role : ROLES) {
            for (Contact contact : record.contacts()) {
                if (contact.role() != null && contact.role().toLowerCase(Locale.ROOT).equals(role)) {
                    candidates.add(new Candidate(contact.organisationName(), contact.email()));
                }
            }
        }
        return candidates;
    }

    /** Every organisation under its names' keys; a key two organisations share names neither (no guess). */
    private Map<String, String> organisationsByName() {
        Map<String, String> byName = new HashMap<>();
        Map<String, Boolean> ambiguous = new HashMap<>();
        for (Organisation organisation : organisations.all()) {
            for (String key : PublisherNames.keysOf(organisation.name())) {
                String before = byName.putIfAbsent(key, organisation.slug());
                if (before != null && !before.equals(organisation.slug())) {
                    ambiguous.put(key, true);
                }
            }
        }
        ambiguous.keySet().forEach(byName::remove);
        return byName;
    }

    private record Candidate(@Nullable String name, @Nullable String email) {
    }
}
