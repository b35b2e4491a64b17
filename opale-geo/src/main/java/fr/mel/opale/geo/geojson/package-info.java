/** GeoJSON geometry objects (RFC 7946) read into JTS and written from it. */
@NullMarked
package fr.mel.opale.geo.geojson;

import org.jspecify.annotations.NullMarked;
