package fr.mel.opale.access.explain;

import fr.mel.opale.access.Visibility;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Why a person may or may not read and edit a resource: the policy's decisions and the chain that led to them.
 *
 * @param personId     whom it is about
 * @param personName   their display name
 * @param resourceId   the record (its dataset follows it)
 * @param visibility   the record's visibility
 * @param owner        its owner organisation's slug; null for the platform's records
 * @param read         {@code AccessPolicy.canRead}
 * @param edit         {@code AccessPolicy.canEditCatalog}
 * @param manageAccess {@code AccessPolicy.canManageAccess}: may change visibility and grants
 * @param reasons      what the decisions rest on, in French, most decisive first; one "no right" reason when none
 */
public record AccessExplanation(long personId, String personName, String resourceId, Visibility visibility,
                                @Nullable String owner, boolean read, boolean edit, boolean manageAccess,
                                List<Reason> reasons) {
    public AccessExplanation {
        reasons = List.copyOf(reasons);
    }

    /**
     * One link of the chain.
     *
     * @param key    the reader key or right it rests on ({@code organisation:lambersart}, {@code public},
     *               {@code platform-admin}, {@code write:project:plui}...)
     * @param gives  what it gives: {@code read}, {@code edit}, {@code manage} or {@code none}
     * @param detail in French: where the person holds the key and where the resource grants it
     */
    public record Reason(String key, String gives, String detail) {
    }
}
