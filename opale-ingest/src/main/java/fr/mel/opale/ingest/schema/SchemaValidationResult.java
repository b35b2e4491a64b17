package fr.mel.opale.ingest.schema;

import java.util.List;
import java.util.Map;

/**
 * The outcome of validating one table against a TableSchema.
 *
 * @param errorCount every error found (may exceed {@code errors.size()})
 * @param counts     errors per code, all of them
 * @param errors     the first {@link SchemaValidation#MAX_DETAILED_ERRORS} errors, in file order
 */
public record SchemaValidationResult(long rowsChecked, long errorCount, Map<String, Long> counts,
                                     List<SchemaError> errors) {
    public SchemaValidationResult {
        counts = Map.copyOf(counts);
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errorCount == 0;
    }
}
