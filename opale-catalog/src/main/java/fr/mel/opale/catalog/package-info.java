/**
 * The catalog: metadata records of datasets, series, services, maps and reuses, their storage, and their exchange
 * formats (ISO 19139 / 19115-3 in and out, DCAT-AP out).
 *
 * <p>Entry point: {@link fr.mel.opale.catalog.Catalog}. Every read and write goes through
 * {@link fr.mel.opale.access.AccessPolicy}. Other modules learn about changes from {@link RecordChanged} events.
 */
@NullMarked
package fr.mel.opale.catalog;

import org.jspecify.annotations.NullMarked;
