package fr.mel.opale.access.passkey;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.account.AccountProblem;
import fr.mel.opale.access.admin.AuditKind;
import fr.mel.opale.access.identity.ExternalIdentities;
import fr.mel.opale.access.internal.Audit;
import fr.mel.opale.access.internal.PersonPrincipal;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.internal.StoredPerson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The current person's passkeys, for "Mon compte": list, rename, delete. Registration and login go through Spring
 * Security's WebAuthn filters ({@code /webauthn/register/**}, {@code /login/webauthn}); this reads and changes the
 * same tables ({@code user_entities}, {@code user_credentials}) with the person as owner, so nobody reaches another's
 * keys (an unknown id and another person's id answer the same 404).
 */
@Component
public class Passkeys {
    /** Longest name of a passkey, in characters. */
    public static final int MAX_LABEL = 100;

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final PersonStore people;
    private final ExternalIdentities identities;
    private final Audit audit;
    private final TransactionTemplate transactions;

    Passkeys(JdbcClient jdbc, AccessPolicy policy, PersonStore people, ExternalIdentities identities, Audit audit,
             PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.people = people;
        this.identities = identities;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactions);
    }

    /** The current person's passkeys, oldest first. @throws AccessDenied 401 when nobody is logged in */
    public List<Passkey> mine() {
        return of(current().id());
    }

    /** How many passkeys {@code personId} has: each is a way in (see the unlink rule of linked identities). */
    public int countOf(long personId) {
        return jdbc.sql("SELECT COUNT(*) FROM user_credentials c JOIN user_entities u ON u.id = c.user_entity_user_id "
                        + "WHERE u.name = ?").param(PersonPrincipal.nameOf(personId)).query(Integer.class).single();
    }

    /**
     * Renames one of the current person's passkeys.
     *
     * @throws AccountProblem 400 for an empty or too long name, 404 when it is not theirs
     */
    public void rename(String credentialId, String label) {
        StoredPerson person = current();
        String clean = label == null ? "" : label.strip();
        if (clean.isEmpty() || clean.length() > MAX_LABEL) {
            throw AccountProblem.invalid(Map.of("nom", clean.isEmpty() ? "cle-nom-vide" : "cle-nom-long"));
        }
        transactions.executeWithoutResult(status -> {
            int changed = jdbc.sql("UPDATE user_credentials SET label = ? WHERE credential_id = ? AND "
                            + "user_entity_user_id IN (SELECT id FROM user_entities WHERE name = ?)")
                    .params(clean, credentialId, PersonPrincipal.nameOf(person.id())).update();
            if (changed == 0) {
                throw AccountProblem.passkeyNotFound();
            }
            audit.record(AuditKind.PASSKEY_RENAMED, person.id(), null, null, clean);
        });
    }

    /**
     * Deletes one of the current person's passkeys.
     *
     * @throws AccountProblem 404 when it is not theirs; 409 {@code dernier-acces} when it is their only way in
     */
    public void remove(String credentialId) {
        StoredPerson person = current();
        transactions.executeWithoutResult(status -> {
            List<Passkey> mine = of(person.id());
            Passkey target = mine.stream().filter(p -> p.id().equals(credentialId)).findFirst()
                    .orElseThrow(AccountProblem::passkeyNotFound);
            if (person.passwordHash() == null && identities.of(person.id()).isEmpty() && mine.size() < 2) {
                throw AccountProblem.lastPasskey();
            }
            jdbc.sql("DELETE FROM user_credentials WHERE credential_id = ?").param(target.id()).update();
            audit.record(AuditKind.PASSKEY_REMOVED, person.id(), null, null, target.label());
        });
    }

    private List<Passkey> of(long personId) {
        return jdbc.sql("SELECT c.credential_id, c.label, c.created, c.last_used FROM user_credentials c "
                        + "JOIN user_entities u ON u.id = c.user_entity_user_id WHERE u.name = ? "
                        + "ORDER BY c.created, c.credential_id")
                .param(PersonPrincipal.nameOf(personId))
                .query((row, i) -> new Passkey(row.getString("credential_id"), row.getString("label"),
                        instant(row, "created"), instant(row, "last_used")))
                .list();
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private StoredPerson current() {
        Viewer viewer = policy.currentViewer();
        if (viewer.personId() == null) {
            throw new AccessDenied(viewer);
        }
        return people.find(viewer.personId()).orElseThrow(() -> new AccessDenied(Viewer.ANONYMOUS));
    }
}
