package fr.mel.opale.ingest.job;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where an import job stands. Stored by {@link #code()}: never rename one. */
public enum JobStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    public static JobStatus of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
