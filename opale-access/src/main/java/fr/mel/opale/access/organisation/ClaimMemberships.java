package fr.mel.opale.access.organisation;

import fr.mel.opale.access.AccessChanged;
import fr.mel.opale.access.MembershipRole;
import fr.mel.opale.access.identity.ClaimRules;
import fr.mel.opale.access.identity.ExternalLoginListener;
import fr.mel.opale.access.identity.OrganisationRole;
import fr.mel.opale.access.internal.OrganisationStore;
import fr.mel.opale.access.internal.OrganisationStore.HeldMembership;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the claim rules ({@link ClaimRules}) to a person's organisation memberships at each login through an
 * identity provider: the memberships that provider's claims give are added, their roles changed, and those its claims
 * no longer give removed. Memberships given by hand (an administrator, a CSV import — no provider recorded) are never
 * touched, nor those another provider's claims gave. Each change is an {@link AccessChanged} without an actor (the
 * platform applied the rules), so the audit log shows it and caches drop the person's memberships.
 *
 * <p>Two things are skipped with a warning rather than failing the login: a rule naming an organisation that does not
 * exist (a rule written ahead of the organisation), and a change that would leave an organisation without an
 * administrator (the same guarantee as {@link Organisations}).
 */
@Component
public class ClaimMemberships implements ExternalLoginListener {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimMemberships.class);

    private final ClaimRules rules;
    private final OrganisationStore store;
    private final ApplicationEventPublisher events;

    ClaimMemberships(ClaimRules rules, OrganisationStore store, ApplicationEventPublisher events) {
        this.rules = rules;
        this.store = store;
        this.events = events;
    }

    @Override
    @Transactional
    public void loggedIn(long personId, String provider, Map<String, Object> claims) {
        Map<String, MembershipRole> wanted = new LinkedHashMap<>();
        for (OrganisationRole given : rules.match(provider, claims)) {
            Optional<MembershipRole> role = MembershipRole.of(given.role());
            if (role.isEmpty() || store.find(given.organisation()).isEmpty()) {
                LOG.warn("Règle de revendications ignorée pour la personne {} ({}) : organisation « {} » inconnue "
                        + "ou rôle « {} » invalide", personId, provider, given.organisation(), given.role());
                continue;
            }
            wanted.merge(given.organisation(), role.get(), MembershipRole::max);
        }
        Map<String, HeldMembership> held = new LinkedHashMap<>();
        store.membershipsOf(personId).forEach(m -> held.put(m.slug(), m));

        wanted.forEach((slug, role) -> {
            HeldMembership current = held.get(slug);
            if (current == null) {
                store.insertClaimMember(store.find(slug).orElseThrow().id(), personId, role, provider);
                announce(slug, personId, provider, "—", role.slug());
            } else if (provider.equals(current.claimsProvider()) && current.role() != role) {
                if (leavesNoAdministrator(current, personId)) {
                    return;
                }
                store.updateClaimMember(current.organisationId(), personId, role);
                announce(slug, personId, provider, current.role().slug(), role.slug());
            }
            // given by hand, or by another provider's claims: theirs to change, not this login's
        });
        held.values().stream()
                .filter(m -> provider.equals(m.claimsProvider()) && !wanted.containsKey(m.slug()))
                .filter(m -> !leavesNoAdministrator(m, personId))
                .forEach(m -> {
                    store.deleteMember(m.organisationId(), personId);
                    announce(m.slug(), personId, provider, m.role().slug(), "—");
                });
    }

    private boolean leavesNoAdministrator(HeldMembership m, long personId) {
        if (m.role() == MembershipRole.ADMIN && store.countAdmins(m.organisationId()) <= 1) {
            LOG.warn("Règles de revendications : la personne {} reste administratrice de « {} », sa dernière",
                    personId, m.slug());
            return true;
        }
        return false;
    }

    private void announce(String organisation, long personId, String provider, String before, String after) {
        events.publishEvent(new AccessChanged(AccessChanged.Kind.ORGANISATION_MEMBERS, organisation,
                "personne " + personId + " : " + before + " → " + after + " (revendications " + provider + ")",
                null, personId));
    }
}
