package fr.mel.opale.catalog;

import fr.mel.opale.catalog.model.RecordKind;
import java.time.Instant;

/** One line of a record list: enough to show and link it without loading the whole document. */
public record RecordSummary(String id, RecordKind kind, String title, Instant modified, long version) {
}
