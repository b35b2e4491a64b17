/**
 * Geo plumbing shared by ingestion and the OGC API, in one place: the CRS registry and reprojection
 * ({@link fr.mel.opale.geo.crs}), GeoJSON geometries read and written ({@link fr.mel.opale.geo.geojson}), ESRI
 * Shapefile/DBF/PRJ read and written ({@link fr.mel.opale.geo.shapefile}), and {@link fr.mel.opale.geo.GeometryType},
 * the type of a dataset's geometries. A plain library on JTS, proj4j and Jackson: nothing of Spring, nothing of the
 * other modules.
 */
@NullMarked
package fr.mel.opale.geo;

import org.jspecify.annotations.NullMarked;
