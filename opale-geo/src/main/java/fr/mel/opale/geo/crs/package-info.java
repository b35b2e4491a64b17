/** The CRS registry by EPSG code and the rewriting of a geometry's coordinates (reprojection, axis swap). */
@NullMarked
package fr.mel.opale.geo.crs;

import org.jspecify.annotations.NullMarked;
