/**
 * Server-rendered pages (jte templates under {@code src/main/jte}), their layout, i18n (French first, English
 * second) and front-end assets. Pages read through the catalog's entry point, so the access policy applies.
 */
@NullMarked
package fr.mel.opale.web;

import org.jspecify.annotations.NullMarked;
