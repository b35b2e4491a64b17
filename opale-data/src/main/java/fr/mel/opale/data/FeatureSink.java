package fr.mel.opale.data;

/** Receives the features of a read one at a time (e.g. writes them to an HTTP response as they come). */
@FunctionalInterface
public interface FeatureSink {
    /** Throwing stops the read (the exception reaches the caller of {@link Features#read}). */
    void accept(Feature feature) throws Exception;
}
