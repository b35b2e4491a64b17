package fr.mel.opale.access.internal;

import java.util.function.Supplier;

/**
 * A hash of a random password nobody knows ({@link PasswordHashing#dummyHash}): what a login for an unknown account,
 * or a sign-up with a taken address, hashes against so that it takes as long as for a known one.
 *
 * <p>Made once, when first needed or by {@link PasswordHashing}'s warm-up once the application is ready, whichever
 * comes first: one Argon2 hash in a cold JVM takes seconds of CPU, which the start no longer waits for.
 */
public final class DummyHash {
    private final Supplier<String> make;
    private volatile String hash;

    public DummyHash(Supplier<String> make) {
        this.make = make;
    }

    public String hash() {
        String made = hash;
        if (made == null) {
            synchronized (this) {
                made = hash;
                if (made == null) {
                    made = make.get();
                    hash = made;
                }
            }
        }
        return made;
    }

    @Override
    public String toString() {
        return "DummyHash[***]";
    }
}
