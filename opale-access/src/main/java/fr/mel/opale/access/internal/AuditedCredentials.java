package fr.mel.opale.access.internal;

import fr.mel.opale.access.admin.AuditKind;
import fr.mel.opale.access.passkey.Passkeys;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Spring Security's credential store, with the audit log told when a passkey is registered (its first save; later
 * saves after each use only move the signature counter and the date of last use), and the name the browser sent
 * bounded: it is free text from the registration request.
 */
final class AuditedCredentials implements UserCredentialRepository {
    private final UserCredentialRepository store;
    private final PublicKeyCredentialUserEntityRepository users;
    private final Audit audit;

    AuditedCredentials(UserCredentialRepository store, PublicKeyCredentialUserEntityRepository users, Audit audit) {
        this.store = store;
        this.users = users;
        this.audit = audit;
    }

    @Override
    public void save(CredentialRecord record) {
        boolean added = store.findByCredentialId(record.getCredentialId()) == null;
        CredentialRecord bounded = record;
        String label = record.getLabel() == null ? "" : record.getLabel().strip();
        if (label.isEmpty() || label.length() > Passkeys.MAX_LABEL) {
            String shortened = label.isEmpty() ? "Clé d'accès" : label.substring(0, Passkeys.MAX_LABEL);
            bounded = ImmutableCredentialRecord.fromCredentialRecord(record).label(shortened).build();
        }
        store.save(bounded);
        if (added) {
            audit.record(AuditKind.PASSKEY_ADDED, personOf(record.getUserEntityUserId()), null, null,
                    bounded.getLabel());
        }
    }

    @Override
    public void delete(Bytes credentialId) {
        store.delete(credentialId);
    }

    @Override
    public @Nullable CredentialRecord findByCredentialId(Bytes credentialId) {
        return store.findByCredentialId(credentialId);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return store.findByUserId(userId);
    }

    private @Nullable Long personOf(Bytes userHandle) {
        PublicKeyCredentialUserEntity user = users.findById(userHandle);
        try {
            return user == null ? null : Long.valueOf(user.getName());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
