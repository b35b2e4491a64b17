/**
 * SKOS thesauri: MEL's usage categories (shipped by default) and any vocabulary an administrator imports (INSPIRE
 * themes, GEMET, EU data themes, ...), in RDF/XML or Turtle (W3C SKOS Reference, 2009).
 *
 * <p>Entry point: {@link fr.mel.opale.thesaurus.Thesauri} (reads from an immutable in-memory snapshot; writes
 * through {@link fr.mel.opale.access.AccessPolicy}). Other modules learn about changes from
 * {@link fr.mel.opale.thesaurus.ThesaurusChanged}. Records are bound to concepts by a
 * {@link fr.mel.opale.catalog.RecordEnricher} of this module, on every catalog write.
 */
@NullMarked
package fr.mel.opale.thesaurus;

import org.jspecify.annotations.NullMarked;
