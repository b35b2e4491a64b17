@NullMarked
package fr.mel.opale.geo.crs;

import org.jspecify.annotations.NullMarked;
