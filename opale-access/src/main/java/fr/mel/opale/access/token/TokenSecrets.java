package fr.mel.opale.access.token;

import fr.mel.opale.access.internal.Secrets;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The shape of token secrets: {@code opale_} + 32 bytes of {@link SecureRandom} in base64url (43 characters). The
 * recognisable prefix lets secret scanners (and people) spot a leaked token. 256 random bits need no slow hash: the
 * SHA-256 of the secret is what the database keeps and looks up.
 */
final class TokenSecrets {
    static final String SCHEME_PREFIX = "opale_";
    /** Characters of the secret shown as its prefix: the scheme and 6 random characters (36 of 256 bits). */
    static final int DISPLAY_LENGTH = SCHEME_PREFIX.length() + 6;
    private static final Pattern SHAPE = Pattern.compile("opale_[A-Za-z0-9_-]{43}");

    private TokenSecrets() {
    }

    static String generate() {
        return SCHEME_PREFIX + Secrets.random(32);
    }

    /** Whether {@code value} could be a token at all; anything else is refused without a database look-up. */
    static boolean wellFormed(String value) {
        return SHAPE.matcher(value).matches();
    }

    static String hash(String secret) {
        return Secrets.sha256(secret);
    }

    static String displayPrefix(String secret) {
        return secret.substring(0, DISPLAY_LENGTH);
    }
}
