package fr.mel.opale.access.internal;

/**
 * A hash of a random password nobody knows ({@link PasswordHashing#dummyHash}): what a login for an unknown account,
 * or a sign-up with a taken address, hashes against so that it takes as long as for a known one.
 */
public record DummyHash(String hash) {
    @Override
    public String toString() {
        return "DummyHash[***]";
    }
}
