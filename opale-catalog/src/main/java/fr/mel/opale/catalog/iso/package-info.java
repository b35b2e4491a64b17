/**
 * Reading ISO 19139 and ISO 19115-3 metadata records into {@link fr.mel.opale.catalog.model.CatalogRecord}s.
 *
 * <p>The entry point is {@link fr.mel.opale.catalog.iso.IsoReader}. Documents are parsed with the JDK's parser
 * hardened by {@link fr.mel.opale.catalog.iso.SecureXml} (no DTD, no external entity), then navigated by element
 * local names so that both standards, odd prefixes and default-namespace documents read the same way. Anything the
 * reader cannot accept is reported as an {@link fr.mel.opale.catalog.iso.InvalidMetadata} with a French message.
 */
@NullMarked
package fr.mel.opale.catalog.iso;

import org.jspecify.annotations.NullMarked;
