/**
 * Data: the rows of datasets, stored as one typed table per version ({@code ds_<dataset id>_v<n>}, plus a WGS84
 * geometry column) in H2 or PostGIS, and the queries that read them.
 *
 * <p>Entry points: {@link fr.mel.opale.data.Datasets} (register, load a new version with an atomic switch, roll
 * back, rename with slug aliases) and {@link fr.mel.opale.data.Features} (count and stream features of the served
 * version: keyset paging, bounding box, property selection). Every call goes through
 * {@link fr.mel.opale.access.AccessPolicy}. Readers of files (ingest) plug in through {@link fr.mel.opale.data.RowSource}.
 */
@NullMarked
package fr.mel.opale.data;

import org.jspecify.annotations.NullMarked;
