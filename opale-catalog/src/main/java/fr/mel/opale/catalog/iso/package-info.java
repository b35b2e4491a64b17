/**
 * ISO metadata in and out: reading ISO 19139 and ISO 19115-3 records into
 * {@link fr.mel.opale.catalog.model.CatalogRecord}s, importing them one by one or by ZIP, and writing ISO 19139.
 *
 * <p>Reading: {@link fr.mel.opale.catalog.iso.IsoReader}. Documents are parsed with the JDK's parser hardened by
 * {@link fr.mel.opale.catalog.iso.SecureXml} (no DTD, no external entity), then navigated by element local names so
 * that both standards, odd prefixes and default-namespace documents read the same way. Anything the reader cannot
 * accept is reported as an {@link fr.mel.opale.catalog.iso.InvalidMetadata} with a French message.
 *
 * <p>Importing: {@link fr.mel.opale.catalog.iso.IsoImport} (all or nothing) over {@link fr.mel.opale.catalog.iso.IsoArchive}
 * (bounded, zip-slip proof).
 *
 * <p>Writing: {@link fr.mel.opale.catalog.iso.Iso19139Writer}, StAX, schema order, valid against the official
 * ISO 19139 XSDs for every record we hold: values the schema cannot take are dropped or written as nil reasons.
 */
@NullMarked
package fr.mel.opale.catalog.iso;

import org.jspecify.annotations.NullMarked;
