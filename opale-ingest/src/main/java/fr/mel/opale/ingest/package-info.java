/**
 * Reading the files producers bring — CSV/TSV/TXT, XLSX, GeoJSON, zipped Shapefile, GeoPackage — into typed,
 * geolocated rows, in two streamed passes: {@linkplain TableReaders#analyse analyse} (detected settings, column
 * types inferred over <em>all</em> rows, geometry guess, warnings) and {@linkplain TableReaders#open read} (rows in
 * WGS84, constant memory, cancellable).
 *
 * <p>Entry point: {@link fr.mel.opale.ingest.TableReaders}. Every reader implements {@link TableReader}; everything a
 * reader cannot accept is an {@link fr.mel.opale.ingest.UnreadableFile} with a stable code and a French message.
 * Publishing (versioned tables), jobs and HTTP live elsewhere and consume {@link RowStream}s.
 */
@NullMarked
package fr.mel.opale.ingest;

import org.jspecify.annotations.NullMarked;
