/**
 * DCAT-AP 3 export of the catalog (https://semiceu.github.io/DCAT-AP/releases/3.0.0/): records become
 * {@code dcat:Dataset}, {@code dcat:DataService} or plain {@code dcat:Resource} nodes of one {@code dcat:Catalog},
 * as an Apache Jena {@link org.apache.jena.rdf.model.Model} written as Turtle, RDF/XML or JSON-LD.
 *
 * <p>Entry point: {@link fr.mel.opale.catalog.dcat.DcatExport}. The output is checked against the SEMIC SHACL shapes
 * (base + range) in the tests: every object a range shape constrains is typed in the graph itself, because
 * harvesters validate without the vocabularies as background knowledge.
 */
@NullMarked
package fr.mel.opale.catalog.dcat;

import org.jspecify.annotations.NullMarked;
