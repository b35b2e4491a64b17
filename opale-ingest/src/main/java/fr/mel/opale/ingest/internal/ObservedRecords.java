package fr.mel.opale.ingest.internal;

import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * Records passed on unchanged while a {@link CsvProfile} takes each of them in: the analysis of the whole file made
 * by the pass that also reads its rows. A first record delivered as data is left to the profile's end, where the
 * analysis pass also counts it.
 */
final class ObservedRecords implements RecordSource {
    private final RecordSource source;
    private final CsvProfile profile;
    private boolean firstIsReplayed;

    /** @param firstIsReplayed whether the source delivers the first record again as data (no header) */
    ObservedRecords(RecordSource source, CsvProfile profile, boolean firstIsReplayed) {
        this.source = source;
        this.profile = profile;
        this.firstIsReplayed = firstIsReplayed;
    }

    @Override
    public boolean next() throws IOException {
        if (!source.next()) {
            return false;
        }
        if (firstIsReplayed) {
            firstIsReplayed = false;
        } else {
            profile.observe(source);
        }
        return true;
    }

    @Override
    public @Nullable Object cell(int source) {
        return this.source.cell(source);
    }

    @Override
    public long line() {
        return source.line();
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
