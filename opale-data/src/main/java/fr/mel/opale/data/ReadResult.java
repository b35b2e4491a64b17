package fr.mel.opale.data;

/**
 * How a read went.
 *
 * @param version  the version read (the current one at the time, unless the query named one)
 * @param returned features handed to the sink
 * @param lastFid  {@code _fid} of the last one, 0 if none: pass it to {@link FeatureQuery#after} for the next page
 */
public record ReadResult(int version, long returned, long lastFid) {
}
