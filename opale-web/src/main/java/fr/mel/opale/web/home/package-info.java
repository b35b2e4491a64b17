/** The home page: search box and latest records. */
@NullMarked
package fr.mel.opale.web.home;

import org.jspecify.annotations.NullMarked;
