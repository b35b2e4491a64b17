package fr.mel.opale.catalog;

import fr.mel.opale.catalog.model.CatalogRecord;

/**
 * A step that completes a record before the catalog stores it: binding keywords to thesaurus concepts, adding the
 * usage categories a mapping derives from other vocabularies... Implemented by the modules above the catalog (the
 * catalog knows no thesaurus) and declared as Spring beans; {@link Catalog} applies every one, in
 * {@link org.springframework.core.annotation.Order} order, on each create, update and upsert (hence every ISO
 * import), before storing.
 *
 * <p>Contract: {@code enrich} must be <em>idempotent</em> ({@code enrich(enrich(r))} equals {@code enrich(r)}: a
 * record is enriched again on every later update), <em>fast</em> (it runs inside the write transaction, for every
 * record of a bulk import; no I/O), thread-safe, and must never change the record's {@code id}. It returns the
 * record itself when it has nothing to add. It runs after the access policy allowed the write, as part of it.
 */
@FunctionalInterface
public interface RecordEnricher {
    /** The record completed; {@code record} itself when nothing changes. Never null. */
    CatalogRecord enrich(CatalogRecord record);
}
