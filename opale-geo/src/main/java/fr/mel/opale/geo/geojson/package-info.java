@NullMarked
package fr.mel.opale.geo.geojson;

import org.jspecify.annotations.NullMarked;
