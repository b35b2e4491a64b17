package fr.mel.opale.access.passkey;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One of a person's passkeys, as "Mon compte" lists it.
 *
 * @param id       the credential id (base64url), what rename and delete name
 * @param label    the name its owner gave it
 * @param created  when it was registered
 * @param lastUsed when it last opened a session, if ever
 */
public record Passkey(String id, String label, @Nullable Instant created, @Nullable Instant lastUsed) {
}
