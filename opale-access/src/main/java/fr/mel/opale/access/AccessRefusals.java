package fr.mel.opale.access;

import fr.mel.opale.access.admin.AuditKind;
import fr.mel.opale.access.internal.Audit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * recorded: they change nothing and name nobody, and anyone could fill the journal with them. Nor are those of a
 * logged-in caller beyond {@value #PER_ACTOR_PER_MINUTE} in a minute: any account could otherwise fill it too (the
 * first ones tell what was tried). A refusal about a person number nobody has is filed under nobody: the entry would
 * otherwise land in the personal-data export of whoever gets that number later.
 */
@Component
public class AccessRefusals {
    private final AccessPolicy policy;
    private final Audit audit;
    private final TransactionTemplate separate;
    public static final int PER_ACTOR_PER_MINUTE = 20;
    /** Refusals recorded per actor in the current minute of each (a minute from their first refusal). */
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();

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
        if (!withinBudget(viewer)) {
            return;
        }
        String reason = refused.getBody().getDetail() == null ? String.valueOf(refused.getBody().getTitle())
                : refused.getBody().getDetail();
        separate.executeWithoutResult(tx -> audit.record(AuditKind.ACCESS_CHANGE_REFUSED,
                person != null && audit.personExists(person) ? person : null, viewer.personId(),
                null, subject + " — " + attempted + " — refusé : " + reason));
    }

    private boolean withinBudget(Viewer viewer) {
        String actor = viewer.personId() != null ? "person:" + viewer.personId() : "name:" + viewer.username();
        Instant now = clock.instant();
        if (windows.size() > 10_000) {
            // a bound on the bookkeeping itself: windows over are forgotten
            windows.values().removeIf(w -> w.over(now));
        }
        Window window = windows.compute(actor, (k, w) -> w == null || w.over(now) ? new Window(now, 1)
                : new Window(w.start(), w.count() + 1));
        return window.count() <= PER_ACTOR_PER_MINUTE;
    }

    private record Window(Instant start, int count) {
        boolean over(Instant now) {
            return !now.isBefore(start.plus(Duration.ofMinutes(1)));
        }
    }
}
