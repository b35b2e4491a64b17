@NullMarked
package fr.mel.opale.geo.shapefile;

import org.jspecify.annotations.NullMarked;
