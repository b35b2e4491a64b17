/** The catalogue pages: the searchable list and a record's page (view models, ISO code-list labels, Markdown, schema.org JSON-LD). */
@NullMarked
package fr.mel.opale.web.catalogue;

import org.jspecify.annotations.NullMarked;
