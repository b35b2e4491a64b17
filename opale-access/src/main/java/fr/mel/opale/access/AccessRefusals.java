package fr.mel.opale.access;

import fr.mel.opale.access.admin.AuditKind;
import fr.mel.opale.access.internal.Audit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * The refused side of the audit of permission changes: a change of organisations, projects, memberships, platform
 * roles, grants or a dataset's rules that is refused (unknown principal, invalid rule, a project containing itself,
 * the last administrator, someone managing what is not theirs) is written to the audit log
 * ({@link AuditKind#ACCESS_CHANGE_REFUSED}, detail « organisation lambersart — personne 12 → admin — refusé : … »)
 * beside the French message its caller shows.
 *
 * <p>The entry is written in a transaction of its own: the refused change's transaction rolls back (nothing of the
 * change is kept), the record of the attempt must not go with it. Refusals of anonymous callers (401) are not
 * recorded: they change nothing and name nobody, and anyone could fill the journal with them.
 */
@Component
public class AccessRefusals {
    private final AccessPolicy policy;
    private final Audit audit;
    private final TransactionTemplate separate;

    AccessRefusals(AccessPolicy policy, Audit audit, PlatformTransactionManager transactions) {
        this.policy = policy;
        this.audit = audit;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Runs {@code change}; if it is refused (a problem answered with a 4xx status), records the refusal and throws
     * it on.
     *
     * @param subject   what the change is about, in French (« organisation lambersart », « fiche abc »)
     * @param person    the person it concerns (the journal files it under them), if any
     * @param attempted what was asked, in French (« personne 12 → admin »), never a secret
     */
    public <T> T audited(String subject, @Nullable Long person, String attempted, Supplier<T> change) {
        try {
            return change.get();
        } catch (ErrorResponseException refused) {
            record(subject, person, attempted, refused);
            throw refused;
        }
    }

    /** {@link #audited(String, Long, String, Supplier)} for a change that returns nothing. */
    public void audited(String subject, @Nullable Long person, String attempted, Runnable change) {
        audited(subject, person, attempted, () -> {
            change.run();
            return null;
        });
    }

    private void record(String subject, @Nullable Long person, String attempted, ErrorResponseException refused) {
        Viewer viewer = policy.currentViewer();
        if (viewer.anonymous() || !refused.getStatusCode().is4xxClientError()) {
            return;
        }
        String reason = refused.getBody().getDetail() == null ? String.valueOf(refused.getBody().getTitle())
                : refused.getBody().getDetail();
        separate.executeWithoutResult(tx -> audit.record(AuditKind.ACCESS_CHANGE_REFUSED, person, viewer.personId(),
                null, subject + " — " + attempted + " — refusé : " + reason));
    }
}
