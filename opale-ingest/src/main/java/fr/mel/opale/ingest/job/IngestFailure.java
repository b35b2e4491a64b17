package fr.mel.opale.ingest.job;

/** Why a job stopped, outside the readers' own errors: a stable code and a French message for the job's log. */
class IngestFailure extends RuntimeException {
    private final String code;

    IngestFailure(String code, String message) {
        super(message);
        this.code = code;
    }

    String code() {
        return code;
    }
}
