package fr.mel.opale.ingest.job;

/** Words shared by the start-up recovery and the shutdown path. */
final class JobsRecovery {
    /** The message of a job that a stopping (or crashed) server could not finish. */
    static final String INTERRUPTED = "Import interrompu par l'arrêt du serveur : rien n'a été publié, la version "
            + "servie n'a pas changé. Relancez l'import.";

    private JobsRecovery() {
    }
}
