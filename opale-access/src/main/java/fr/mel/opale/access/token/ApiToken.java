package fr.mel.opale.access.token;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What may be shown of a token, to its owner: never the secret nor its hash.
 *
 * @param id       the token's number, to revoke it
 * @param name     what the owner called it (« script de synchronisation »)
 * @param prefix   the token's first characters ({@code opale_Ab12Cd}), not secret, to recognise it
 * @param created  when it was issued
 * @param expires  when it stops working; null only for tokens issued without a lifetime (none are, today)
 * @param lastUsed when a request last carried it, to the minute or so; null if never used
 */
public record ApiToken(long id, String name, String prefix, Instant created, @Nullable Instant expires,
                       @Nullable Instant lastUsed) {
}
