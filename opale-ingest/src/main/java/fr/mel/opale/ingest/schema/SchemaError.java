package fr.mel.opale.ingest.schema;

import org.jspecify.annotations.Nullable;

/**
 * One way a table breaks its TableSchema, named with frictionless' error codes so that producers who use
 * validata / schema.data.gouv.fr recognise them.
 *
 * @param code        {@code type-error}, {@code constraint-error}, {@code unique-error}, {@code primary-key},
 *                    {@code blank-row}, {@code missing-label}, {@code extra-label}, {@code duplicate-label},
 *                    {@code blank-label}
 * @param message     French, names the value, the column and the rule
 * @param rowNumber   1-based row of the file, header included (the header itself is row 1); null for label errors
 *                    of a file read without header
 * @param fieldNumber 1-based position of the column in the file; for {@code missing-label}, the field's position
 *                    in the schema; null for row-level errors
 * @param fieldName   the schema field concerned, or the file's label for {@code extra-label}
 * @param constraint  for {@code constraint-error}: {@code required}, {@code pattern}, {@code enum}, {@code minimum}...
 * @param cell        the offending value as written (cut at 200 characters)
 */
public record SchemaError(String code, String message, @Nullable Long rowNumber, @Nullable Integer fieldNumber,
                          @Nullable String fieldName, @Nullable String constraint, @Nullable String cell) {
}
