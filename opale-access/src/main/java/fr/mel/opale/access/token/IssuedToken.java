package fr.mel.opale.access.token;

/**
 * A token just created: its description and its secret, which exists nowhere else and is shown to its owner once.
 *
 * @param token  the description kept
 * @param secret the value to send as {@code Authorization: Bearer <secret>}
 */
public record IssuedToken(ApiToken token, String secret) {
    @Override
    public String toString() {
        return "IssuedToken[" + token + ", secret=***]";
    }
}
