package fr.mel.opale.access.organisation;

import fr.mel.opale.access.AccessChanged;
import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessModelProblem;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.AccessRefusals;
import fr.mel.opale.access.MembershipRole;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.internal.GrantStore;
import fr.mel.opale.access.internal.OrganisationStore;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organisations and their members: create, rename, re-parent, add and remove members, set their role. Each change is
 * checked by the policy (platform administrators everywhere; an organisation's administrators for their own only),
 * validated before anything is written (French {@link AccessModelProblem}), done in one transaction and announced by
 * an {@link AccessChanged} (caches, audit). An organisation that has administrators always keeps one.
 */
@Service
public class Organisations {
    private final OrganisationStore store;
    private final GrantStore people;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;
    private final AccessRefusals refusals;

    Organisations(OrganisationStore store, GrantStore people, AccessPolicy policy, ApplicationEventPublisher events,
                  AccessRefusals refusals) {
        this.store = store;
        this.people = people;
        this.policy = policy;
        this.events = events;
        this.refusals = refusals;
    }

    /** Every organisation, by name (public facts: names, slugs, INSEE codes). */
    @Transactional(readOnly = true)
    public List<Organisation> all() {
        return store.all();
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> find(String slug) {
        return store.find(slug);
    }

    /** Creates an organisation (platform administrators); 409 when the slug or INSEE code is taken. */
    @Transactional
    public Organisation create(String slug, String name, @Nullable String inseeCode, @Nullable String parent) {
        Viewer viewer = policy.currentViewer();
        if (!policy.canCreateOrganisations(viewer)) {
            throw new AccessDenied(viewer);
        }
        String s = Names.slug(slug, "l'organisation");
        String n = Names.name(name, "l'organisation");
        String insee = Names.insee(inseeCode);
        Long parentId = parent == null || parent.isBlank() ? null : get(parent).id();
        if (store.find(s).isPresent()) {
            throw AccessModelProblem.conflict("organisation-existante", "Organisation existante",
                    "Une organisation a déjà l'identifiant « " + s + " ».");
        }
        checkInseeFree(insee, null);
        try {
            store.insert(s, n, insee, parentId);
        } catch (DuplicateKeyException raced) {
            throw AccessModelProblem.conflict("organisation-existante", "Organisation existante",
                    "Une organisation a déjà cet identifiant ou ce code INSEE.");
        }
        changed(AccessChanged.Kind.ORGANISATION, s, "création : " + n, viewer);
        return get(s);
    }

    /** Renames organisation {@code slug} (its administrators or platform administrators); the slug never changes. */
    @Transactional
    public Organisation rename(String slug, String name) {
        Organisation o = manageable(slug);
        String n = Names.name(name, "l'organisation");
        store.update(o.id(), n, o.inseeCode(), parentId(o));
        changed(AccessChanged.Kind.ORGANISATION, slug, "nom : " + o.name() + " → " + n, policy.currentViewer());
        return get(slug);
    }

    /**
     * Sets the INSEE code and the parent (platform administrators: they tie the organisation to the official
     * geography and to the hierarchy). Refused when the parent chain would come back to the organisation.
     */
    @Transactional
    public Organisation setPlacement(String slug, @Nullable String inseeCode, @Nullable String parent) {
        Viewer viewer = policy.currentViewer();
        if (!policy.canCreateOrganisations(viewer)) {
            throw new AccessDenied(viewer);
        }
        Organisation o = get(slug);
        String insee = Names.insee(inseeCode);
        checkInseeFree(insee, o.slug());
        Long parentId = null;
        if (parent != null && !parent.isBlank()) {
            Organisation p = get(parent.strip());
            Set<String> seen = new HashSet<>();
            for (Organisation up = p; up != null; up = up.parent() == null ? null : get(up.parent())) {
                if (up.slug().equals(o.slug()) || !seen.add(up.slug())) {
                    throw AccessModelProblem.invalid("L'organisation « " + o.slug() + " » ne peut pas être rattachée "
                            + "à « " + p.slug() + " » : elle se contiendrait elle-même.");
                }
            }
            parentId = p.id();
        }
        store.update(o.id(), o.name(), insee, parentId);
        changed(AccessChanged.Kind.ORGANISATION, slug, "code INSEE " + insee + ", parente " + parent, viewer);
        return get(slug);
    }

    /** The address of organisation {@code slug}'s logo, if it has one (public, as its name). */
    @Transactional(readOnly = true)
    public Optional<String> logo(String slug) {
        return store.find(slug).flatMap(o -> store.logo(o.id()));
    }

    /**
     * Sets (blank: removes) the address of the organisation's logo: an absolute http(s) address of at most 500
     * characters — never another scheme ({@code javascript:}, {@code data:}), since pages put it in an
     * {@code <img src>}.
     */
    @Transactional
    public void setLogo(String slug, @Nullable String url) {
        Organisation o = manageable(slug);
        String u = Names.logo(url);
        String before = store.logo(o.id()).orElse(null);
        store.setLogo(o.id(), u);
        changed(AccessChanged.Kind.ORGANISATION, slug, "logo : " + (before == null ? "—" : before) + " → "
                + (u == null ? "—" : u), policy.currentViewer());
    }

    /** Organisation {@code slug}'s presentation, if it has one (public, as its name and logo). */
    @Transactional(readOnly = true)
    public Optional<String> description(String slug) {
        return store.find(slug).flatMap(o -> store.description(o.id()));
    }

    /**
     * Sets (blank: removes) the organisation's presentation, shown on its public page: at most
     * {@value Names#DESCRIPTION_MAX} characters. Same right as the logo: the organisation's administrators.
     */
    @Transactional
    public void setDescription(String slug, @Nullable String text) {
        Organisation o = manageable(slug);
        String t = Names.description(text);
        store.setDescription(o.id(), t);
        changed(AccessChanged.Kind.ORGANISATION, slug, "présentation " + (t == null ? "retirée"
                : "de " + t.length() + " caractères"), policy.currentViewer());
    }

    /** The members of organisation {@code slug}, by name (those who may manage it). */
    @Transactional(readOnly = true)
    public List<Member> members(String slug) {
        return store.members(manageable(slug).id());
    }

    /**
     * Adds person {@code personId} to organisation {@code slug} with {@code role}, or changes their role if they
     * already belong to it. Demoting the last administrator is refused.
     */
    @Transactional
    public void putMember(String slug, long personId, MembershipRole role) {
        refusals.audited("organisation " + slug, personId, "personne " + personId + " → " + role.slug(), () -> {
            Organisation o = manageable(slug);
            if (!people.personExists(personId)) {
                throw AccessModelProblem.unknownPerson(personId);
            }
            Optional<MembershipRole> current = store.role(o.id(), personId);
            if (current.isPresent()) {
                if (current.get() == role) {
                    return;
                }
                if (current.get() == MembershipRole.ADMIN && store.countAdmins(o.id()) <= 1) {
                    throw AccessModelProblem.lastAdministrator(o.name());
                }
                store.updateMember(o.id(), personId, role);
            } else {
                store.insertMember(o.id(), personId, role);
            }
            events.publishEvent(new AccessChanged(AccessChanged.Kind.ORGANISATION_MEMBERS, slug, "personne " + personId
                    + " : " + current.map(MembershipRole::slug).orElse("—") + " → " + role.slug(),
                    policy.currentViewer().personId(), personId));
        });
    }

    /** Removes person {@code personId} from organisation {@code slug}; the last administrator cannot be removed. */
    @Transactional
    public void removeMember(String slug, long personId) {
        refusals.audited("organisation " + slug, personId, "personne " + personId + " retirée", () -> {
            Organisation o = manageable(slug);
            MembershipRole current = store.role(o.id(), personId).orElseThrow(() -> AccessModelProblem.invalid(
                    "La personne " + personId + " n'est pas membre de « " + o.name() + " »."));
            if (current == MembershipRole.ADMIN && store.countAdmins(o.id()) <= 1) {
                throw AccessModelProblem.lastAdministrator(o.name());
            }
            store.deleteMember(o.id(), personId);
            events.publishEvent(new AccessChanged(AccessChanged.Kind.ORGANISATION_MEMBERS, slug, "personne " + personId
                    + " : " + current.slug() + " → —", policy.currentViewer().personId(), personId));
        });
    }

    private Organisation manageable(String slug) {
        Viewer viewer = policy.currentViewer();
        Optional<Organisation> o = store.find(slug == null ? "" : slug.strip());
        if (o.isEmpty()) {
            throw AccessModelProblem.unknownOrganisation(String.valueOf(slug));
        }
        // organisations are public facts (names, slugs): one that exists but is not the viewer's to manage is
        // refused as such (401/403), not hidden
        if (!policy.canManageOrganisation(viewer, o.get().slug())) {
            throw new AccessDenied(viewer);
        }
        return o.get();
    }

    private Organisation get(String slug) {
        return store.find(slug).orElseThrow(() -> AccessModelProblem.unknownOrganisation(slug));
    }

    private @Nullable Long parentId(Organisation o) {
        return o.parent() == null ? null : get(o.parent()).id();
    }

    private void checkInseeFree(@Nullable String insee, @Nullable String self) {
        if (insee != null) {
            store.findByInsee(insee).filter(other -> !other.slug().equals(self)).ifPresent(other -> {
                throw AccessModelProblem.conflict("insee-existant", "Code INSEE déjà pris",
                        "Le code INSEE " + insee + " est déjà celui de « " + other.name() + " ».");
            });
        }
    }

    private void changed(AccessChanged.Kind kind, String subject, String detail, Viewer actor) {
        events.publishEvent(new AccessChanged(kind, subject, detail, actor.personId()));
    }
}
