package fr.mel.opale.access.organisation;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessModelProblem;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.MembershipRole;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.internal.StoredPerson;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds the person an administrator names by email when adding a member, sharing a record or asking "what does this
 * person see". Only for those who manage something (platform administrators, administrators of an organisation or a
 * project, editors who share their records): telling whether an address has an account is not for everyone.
 */
@Service
public class PeopleByEmail {
    private final PersonStore people;
    private final AccessPolicy policy;

    PeopleByEmail(PersonStore people, AccessPolicy policy) {
        this.people = people;
        this.policy = policy;
    }

    /** The person's id and name; 404 in French when no one has the address. */
    @Transactional(readOnly = true)
    public Found find(String email) {
        Viewer viewer = policy.currentViewer();
        if (!policy.canCreateProjects(viewer) && !policy.canPublish(viewer)
                && !viewer.projects().containsValue(MembershipRole.ADMIN)) {
            throw new AccessDenied(viewer);
        }
        String e = email == null ? "" : email.strip();
        if (e.isEmpty() || e.length() > 320) {
            throw AccessModelProblem.invalid("Indiquez l'adresse électronique de la personne.");
        }
        StoredPerson person = people.findByEmail(e).orElseThrow(() -> AccessModelProblem.unknownEmail(e));
        return new Found(person.id(), person.displayName());
    }

    /** A person found by address. */
    public record Found(long id, String displayName) {
    }
}
