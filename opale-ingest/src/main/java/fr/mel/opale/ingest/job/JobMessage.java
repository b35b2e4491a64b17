package fr.mel.opale.ingest.job;

import org.jspecify.annotations.Nullable;

/**
 * One line of a job's log, for the producer.
 *
 * @param level  {@code info}, {@code warning} or {@code error}
 * @param code   stable: a reader's warning or error code ({@code ragged-row}, {@code zip-bomb}...), a TableSchema
 *               error code ({@code type-error}...), or the job's own ({@code unchanged}, {@code published},
 *               {@code interrupted}...)
 * @param text   French
 * @param row    line or record of the file concerned, when one
 * @param column column concerned, when one
 */
public record JobMessage(String level, String code, String text, @Nullable Long row, @Nullable String column) {
    public static JobMessage info(String code, String text) {
        return new JobMessage("info", code, text, null, null);
    }

    public static JobMessage warning(String code, String text) {
        return new JobMessage("warning", code, text, null, null);
    }

    public static JobMessage error(String code, String text) {
        return new JobMessage("error", code, text, null, null);
    }
}
