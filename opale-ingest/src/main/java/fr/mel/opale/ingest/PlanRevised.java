package fr.mel.opale.ingest;

/**
 * The end of a {@link SpeculativeRead}: the whole file does not read as its first records suggested, so the rows
 * already delivered are typed by the wrong plan and must be discarded. Not a failure of the import: the caller reads
 * again with {@link #analysis()}, which cost nothing more to get.
 */
public final class PlanRevised extends RuntimeException {
    private final transient Analysis analysis;
    private final String difference;

    /** @param difference how the whole file differs from its start, in the producer's words (French) */
    public PlanRevised(Analysis analysis, String difference) {
        super("analyse revue en fin de fichier (" + difference + ") : lecture reprise avec l'analyse du fichier "
                + "entier", null, false, false);
        this.analysis = analysis;
        this.difference = difference;
    }

    /** How the whole file differs from what its start suggested, e.g. "colonne « code » : entier au début, texte…". */
    public String difference() {
        return difference;
    }

    /** The analysis of the whole file. */
    public Analysis analysis() {
        return analysis;
    }
}
