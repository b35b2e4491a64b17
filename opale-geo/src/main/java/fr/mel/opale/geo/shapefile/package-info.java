/** ESRI Shapefile: .shp/.dbf/.prj read, and zipped shapefiles written (one per geometry family when mixed). */
@NullMarked
package fr.mel.opale.geo.shapefile;

import org.jspecify.annotations.NullMarked;
