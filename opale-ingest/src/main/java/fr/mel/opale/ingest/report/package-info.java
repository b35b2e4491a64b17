/** The data-quality report of each import, stored with the version it describes. */
@NullMarked
package fr.mel.opale.ingest.report;

import org.jspecify.annotations.NullMarked;
