/**
 * The catalog record model: ISO 19115 core plus the DCAT-AP 3 mandatory and recommended properties, as immutable
 * values. Lists are never null (empty instead); single values may be null where the source had nothing.
 */
@NullMarked
package fr.mel.opale.catalog.model;

import org.jspecify.annotations.NullMarked;
