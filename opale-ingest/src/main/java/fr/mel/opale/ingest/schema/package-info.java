/**
 * Frictionless Table Schema (https://specs.frictionlessdata.io/table-schema/): parsing and streaming validation
 * with frictionless' error codes. Plain Java, no Spring.
 */
@NullMarked
package fr.mel.opale.ingest.schema;

import org.jspecify.annotations.NullMarked;
