package fr.mel.opale.access.admin;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.AccessRefusals;
import fr.mel.opale.access.PlatformRole;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.account.AccountProblem;
import fr.mel.opale.access.internal.Audit;
import fr.mel.opale.access.internal.PersonStatus;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.internal.SessionRegistry;
import fr.mel.opale.access.internal.StoredPerson;
import fr.mel.opale.access.internal.Timestamps;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrators' view of people ({@link AccessPolicy#canAdministerPeople}): search, disable and enable, grant and
 * take back platform roles. Every change is written to the audit log with the administrator as actor. Disabling ends
 * the person's sessions at once (and their tokens stop working); a role change applies from the person's next
 * request. Administrators cannot disable themselves nor take back their own administrator role, and the last active
 * administrator cannot lose it: the platform always keeps one.
 */
@Service
public class People {
    public static final int PAGE_SIZE = 25;

    private final PersonStore people;
    private final AccessPolicy policy;
    private final Audit audit;
    private final SessionRegistry sessions;
    private final AccessRefusals refusals;

    People(PersonStore people, AccessPolicy policy, Audit audit, SessionRegistry sessions, AccessRefusals refusals) {
        this.people = people;
        this.policy = policy;
        this.audit = audit;
        this.sessions = sessions;
        this.refusals = refusals;
    }

    /** People whose name, login or email contains {@code text}, by name, {@link #PAGE_SIZE} a page (0-based). */
    @Transactional(readOnly = true)
    public List<PersonSummary> search(@Nullable String text, int page) {
        require();
        return people.search(text, Math.max(0, page) * PAGE_SIZE, PAGE_SIZE).stream().map(People::summary).toList();
    }

    @Transactional(readOnly = true)
    public long count(@Nullable String text) {
        require();
        return people.count(text);
    }

    @Transactional
    public void disable(long personId, @Nullable String ip) {
        Viewer admin = require();
        StoredPerson person = find(personId);
        if (Long.valueOf(personId).equals(admin.personId())) {
            throw AccountProblem.selfAdministration();
        }
        if (person.roles().contains(PlatformRole.ADMIN) && people.countWithRole(PlatformRole.ADMIN) <= 1) {
            throw AccountProblem.lastAdministrator();
        }
        people.setStatus(personId, PersonStatus.DISABLED);
        audit.record(AuditKind.ACCOUNT_DISABLED, personId, admin.personId(), ip, null);
        sessions.endAll(personId, null);
    }

    /** Enables a disabled person; a person still waiting for address verification stays waiting. */
    @Transactional
    public void enable(long personId, @Nullable String ip) {
        Viewer admin = require();
        StoredPerson person = find(personId);
        if (person.status() == PersonStatus.DISABLED) {
            people.setStatus(personId, person.emailVerifiedAt() == null && person.username() == null
                    ? PersonStatus.PENDING : PersonStatus.ACTIVE);
            audit.record(AuditKind.ACCOUNT_ENABLED, personId, admin.personId(), ip, null);
        }
    }

    @Transactional
    public void grant(long personId, PlatformRole role, @Nullable String ip) {
        refusals.audited("rôles de plateforme", personId, "personne " + personId + " + " + role.slug(), () -> {
            Viewer admin = require();
            StoredPerson person = find(personId);
            if (!person.roles().contains(role)) {
                people.grant(personId, role, Timestamps.now());
                audit.record(AuditKind.ROLE_GRANTED, personId, admin.personId(), ip, role.slug());
            }
        });
    }

    @Transactional
    public void revoke(long personId, PlatformRole role, @Nullable String ip) {
        refusals.audited("rôles de plateforme", personId, "personne " + personId + " − " + role.slug(), () -> {
            Viewer admin = require();
            StoredPerson person = find(personId);
            if (!person.roles().contains(role)) {
                return;
            }
            if (role == PlatformRole.ADMIN) {
                if (Long.valueOf(personId).equals(admin.personId())) {
                    throw AccountProblem.selfAdministration();
                }
                if (people.countWithRole(PlatformRole.ADMIN) <= 1) {
                    throw AccountProblem.lastAdministrator();
                }
            }
            people.revoke(personId, role);
            audit.record(AuditKind.ROLE_REVOKED, personId, admin.personId(), ip, role.slug());
        });
    }

    private StoredPerson find(long personId) {
        return people.find(personId).orElseThrow(AccountProblem::notFound);
    }

    private Viewer require() {
        Viewer viewer = policy.currentViewer();
        if (!policy.canAdministerPeople(viewer)) {
            throw new AccessDenied(viewer);
        }
        return viewer;
    }

    private static PersonSummary summary(StoredPerson p) {
        return new PersonSummary(p.id(), p.username(), p.displayName(), p.email(), p.status().name(), p.roles(),
                p.createdAt(), p.lastLoginAt());
    }
}
