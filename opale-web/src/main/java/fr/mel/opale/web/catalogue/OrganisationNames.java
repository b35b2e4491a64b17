package fr.mel.opale.web.catalogue;

import fr.mel.opale.access.AccessChanged;
import fr.mel.opale.access.organisation.Organisation;
import fr.mel.opale.access.organisation.Organisations;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Organisation names by slug, for the links of cards and record pages to their owner's page. Kept in memory: a result
 * page shows twenty cards, and organisations (a hundred, public facts) change a few times a year; any change of an
 * organisation drops the copy once committed, the next card reads them again.
 */
@Component
public class OrganisationNames {
    private final Organisations organisations;
    private volatile @Nullable Map<String, Organisation> bySlug;

    OrganisationNames(Organisations organisations) {
        this.organisations = organisations;
    }

    /** The organisation whose slug is {@code slug}; null when there is none (a deleted one, a null slug). */
    public @Nullable Organisation find(@Nullable String slug) {
        if (slug == null) {
            return null;
        }
        Map<String, Organisation> known = bySlug;
        if (known == null) {
            known = organisations.all().stream().collect(Collectors.toUnmodifiableMap(Organisation::slug,
                    Function.identity()));
            bySlug = known;
        }
        return known.get(slug);
    }

    /** Organisation {@code slug} named with a link to its page; null when there is none. */
    public @Nullable OrganisationLink link(@Nullable String slug) {
        Organisation organisation = find(slug);
        return organisation == null ? null
                : new OrganisationLink(organisation.name(), OrganisationLink.path(organisation.slug()));
    }

    /** After the transaction that renamed, created or moved an organisation (or at once outside one). */
    @TransactionalEventListener(fallbackExecution = true)
    void changed(AccessChanged change) {
        if (change.kind() == AccessChanged.Kind.ORGANISATION) {
            bySlug = null;
        }
    }
}
