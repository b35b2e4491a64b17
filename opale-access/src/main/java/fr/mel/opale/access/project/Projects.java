package fr.mel.opale.access.project;

import fr.mel.opale.access.AccessChanged;
import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessModelProblem;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.AccessRefusals;
import fr.mel.opale.access.MembershipRole;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.internal.GrantStore;
import fr.mel.opale.access.internal.OrganisationStore;
import fr.mel.opale.access.internal.ProjectStore;
import fr.mel.opale.access.organisation.Names;
import fr.mel.opale.access.organisation.Organisation;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Projects and their members (persons, organisations, other projects), each with one role. Created by platform
 * administrators and organisation administrators (who then administer the project); managed by the project's
 * administrators and platform administrators. Validated before writing, one transaction per change, announced by
 * an {@link AccessChanged}. A project never contains itself, directly or through other projects.
 */
@Service
public class Projects {
    private final ProjectStore store;
    private final OrganisationStore organisations;
    private final GrantStore people;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;
    private final AccessRefusals refusals;

    Projects(ProjectStore store, OrganisationStore organisations, GrantStore people, AccessPolicy policy,
             ApplicationEventPublisher events, AccessRefusals refusals) {
        this.store = store;
        this.organisations = organisations;
        this.people = people;
        this.policy = policy;
        this.events = events;
        this.refusals = refusals;
    }

    @Transactional(readOnly = true)
    public List<Project> all() {
        return store.all();
    }

    @Transactional(readOnly = true)
    public Optional<Project> find(String slug) {
        return store.find(slug);
    }

    /** Creates a project; its creator (a person) becomes its administrator. 409 when the slug is taken. */
    @Transactional
    public Project create(String slug, String name) {
        Viewer viewer = policy.currentViewer();
        if (!policy.canCreateProjects(viewer)) {
            throw new AccessDenied(viewer);
        }
        String s = Names.slug(slug, "projet");
        String n = Names.name(name, "projet");
        if (store.find(s).isPresent()) {
            throw AccessModelProblem.conflict("projet-existant", "Projet existant",
                    "Un projet a déjà l'identifiant « " + s + " ».");
        }
        long id;
        try {
            id = store.insert(s, n);
        } catch (DuplicateKeyException raced) {
            throw AccessModelProblem.conflict("projet-existant", "Projet existant",
                    "Un projet a déjà l'identifiant « " + s + " ».");
        }
        if (viewer.personId() != null) {
            store.putMember(id, viewer.personId(), null, null, MembershipRole.ADMIN);
        }
        changed(AccessChanged.Kind.PROJECT, s, "création : " + n, viewer);
        return store.find(s).orElseThrow();
    }

    @Transactional
    public Project rename(String slug, String name) {
        Project p = manageable(slug);
        String n = Names.name(name, "projet");
        store.rename(p.id(), n);
        changed(AccessChanged.Kind.PROJECT, slug, "nom : " + p.name() + " → " + n, policy.currentViewer());
        return store.find(slug).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<ProjectMember> members(String slug) {
        return store.members(manageable(slug).id());
    }

    /** Adds person {@code personId} to the project with {@code role}, or changes their role. */
    @Transactional
    public void putPerson(String slug, long personId, MembershipRole role) {
        refusals.audited("projet " + slug, personId, "personne " + personId + " → " + role.slug(), () -> {
            Project p = manageable(slug);
            if (!people.personExists(personId)) {
                throw AccessModelProblem.unknownPerson(personId);
            }
            String before = before(p, ProjectMember.Kind.PERSON, Long.toString(personId));
            store.putMember(p.id(), personId, null, null, role);
            events.publishEvent(new AccessChanged(AccessChanged.Kind.PROJECT_MEMBERS, slug, "personne " + personId + " : "
                    + before + " → " + role.slug(), policy.currentViewer().personId(), personId));
        });
    }

    /** Adds organisation {@code organisation}: all its members hold {@code role} in the project. */
    @Transactional
    public void putOrganisation(String slug, String organisation, MembershipRole role) {
        refusals.audited("projet " + slug, null, "organisation " + organisation + " → " + role.slug(), () -> {
            Project p = manageable(slug);
            Organisation o = organisations.find(organisation == null ? "" : organisation.strip())
                    .orElseThrow(() -> AccessModelProblem.unknownOrganisation(String.valueOf(organisation)));
            String before = before(p, ProjectMember.Kind.ORGANISATION, o.slug());
            store.putMember(p.id(), null, o.id(), null, role);
            changed(AccessChanged.Kind.PROJECT_MEMBERS, slug, "organisation " + o.slug() + " : " + before + " → "
                    + role.slug(),
                    policy.currentViewer());
        });
    }

    /**
     * Adds project {@code member} to project {@code slug}: all who belong to it hold {@code role} here. Refused when
     * {@code member} is {@code slug} or contains it (the project would contain itself).
     */
    @Transactional
    public void putProject(String slug, String member, MembershipRole role) {
        refusals.audited("projet " + slug, null, "projet " + member + " → " + role.slug(), () -> {
            Project p = manageable(slug);
            Project m = store.find(member == null ? "" : member.strip())
                    .orElseThrow(() -> AccessModelProblem.unknownProject(String.valueOf(member)));
            if (contains(m.id(), p.id())) {
                throw AccessModelProblem.invalid("Le projet « " + p.slug() + " » ne peut pas contenir « " + m.slug()
                        + " » : il se contiendrait lui-même.");
            }
            String before = before(p, ProjectMember.Kind.PROJECT, m.slug());
            store.putMember(p.id(), null, null, m.id(), role);
            changed(AccessChanged.Kind.PROJECT_MEMBERS, slug, "projet " + m.slug() + " : " + before + " → " + role.slug(),
                    policy.currentViewer());
        });
    }

    /** Removes a member (by its kind and name); 400 when it is not one. */
    @Transactional
    public void removeMember(String slug, ProjectMember.Kind kind, String name) {
        refusals.audited("projet " + slug, null, kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name + " retiré", () -> {
            Project p = manageable(slug);
            boolean removed = switch (kind) {
                case PERSON -> store.deleteMember(p.id(), parsePerson(name), null, null);
                case ORGANISATION -> organisations.find(name).map(o -> store.deleteMember(p.id(), null, o.id(), null))
                        .orElse(false);
                case PROJECT -> store.find(name).map(m -> store.deleteMember(p.id(), null, null, m.id())).orElse(false);
            };
            if (!removed) {
                throw AccessModelProblem.invalid("« " + name + " » n'est pas membre du projet « " + p.name() + " ».");
            }
            changed(AccessChanged.Kind.PROJECT_MEMBERS, slug, kind.name().toLowerCase(java.util.Locale.ROOT) + " " + name
                    + " retiré", policy.currentViewer());
        });
    }

    /** The role a member holds before a change, for the audit log ({@code —} when it is new). */
    private String before(Project p, ProjectMember.Kind kind, String name) {
        return store.members(p.id()).stream().filter(m -> m.kind() == kind && m.name().equals(name))
                .map(m -> m.role().slug()).findFirst().orElse("—");
    }

    /** Whether project {@code container} is {@code wanted} or contains it through member projects. */
    private boolean contains(long container, long wanted) {
        Deque<Long> todo = new ArrayDeque<>(List.of(container));
        Set<Long> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            long current = todo.pop();
            if (current == wanted) {
                return true;
            }
            if (seen.add(current)) {
                todo.addAll(store.memberProjects(current));
            }
        }
        return false;
    }

    private static long parsePerson(String name) {
        try {
            return Long.parseLong(name.strip());
        } catch (NumberFormatException e) {
            throw AccessModelProblem.invalid("Numéro de personne invalide « " + name + " ».");
        }
    }

    private Project manageable(String slug) {
        Viewer viewer = policy.currentViewer();
        Project p = store.find(slug == null ? "" : slug.strip())
                .orElseThrow(() -> AccessModelProblem.unknownProject(String.valueOf(slug)));
        if (!policy.canManageProject(viewer, p.slug())) {
            throw new AccessDenied(viewer);
        }
        return p;
    }

    private void changed(AccessChanged.Kind kind, String subject, String detail, Viewer actor) {
        events.publishEvent(new AccessChanged(kind, subject, detail, actor.personId()));
    }
}
