package fr.mel.opale.ingest;

/** The {@link ReadListener} asked to stop, or the reading thread was interrupted. */
public final class ReadCancelled extends IngestException {
    public ReadCancelled(long rowsRead) {
        super("cancelled", "Lecture annulée après " + rowsRead + " lignes.", null);
    }
}
