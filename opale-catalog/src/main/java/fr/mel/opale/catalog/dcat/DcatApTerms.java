package fr.mel.opale.catalog.dcat;

import org.apache.jena.datatypes.BaseDatatype;
import org.apache.jena.datatypes.RDFDatatype;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * The terms DCAT-AP uses that Jena's own vocabulary classes ({@code DCAT}, {@code DCTerms}, {@code FOAF},
 * {@code VCARD4}, {@code SKOS}) lack: ADMS, LOCN, GeoSPARQL's WKT literal, DCAT 3's {@code dcat:resource},
 * Hydra paging, and the EU Publications Office authority tables.
 */
final class DcatApTerms {
    static final String ADMS_NS = "http://www.w3.org/ns/adms#";
    static final String LOCN_NS = "http://www.w3.org/ns/locn#";
    static final String GSP_NS = "http://www.opengis.net/ont/geosparql#";
    static final String HYDRA_NS = "http://www.w3.org/ns/hydra/core#";
    static final String VCARD_NS = "http://www.w3.org/2006/vcard/ns#";
    static final String EU_AUTHORITY = "http://publications.europa.eu/resource/authority/";

    static final Resource ADMS_IDENTIFIER_CLASS = ResourceFactory.createResource(ADMS_NS + "Identifier");
    static final Property ADMS_IDENTIFIER = ResourceFactory.createProperty(ADMS_NS, "identifier");
    static final Property LOCN_GEOMETRY = ResourceFactory.createProperty(LOCN_NS, "geometry");
    static final Property LOCN_GEOGRAPHIC_NAME = ResourceFactory.createProperty(LOCN_NS, "geographicName");
    /** DCAT 3: a catalogued resource that is neither a dataset nor a service (our reuses, maps, applications). */
    static final Property DCAT_RESOURCE = ResourceFactory.createProperty(org.apache.jena.vocabulary.DCAT.NS, "resource");
    static final RDFDatatype WKT_LITERAL = new BaseDatatype(GSP_NS + "wktLiteral");

    static final Resource HYDRA_PAGED_COLLECTION = ResourceFactory.createResource(HYDRA_NS + "PagedCollection");
    static final Property HYDRA_TOTAL_ITEMS = ResourceFactory.createProperty(HYDRA_NS, "totalItems");
    static final Property HYDRA_ITEMS_PER_PAGE = ResourceFactory.createProperty(HYDRA_NS, "itemsPerPage");
    static final Property HYDRA_FIRST_PAGE = ResourceFactory.createProperty(HYDRA_NS, "firstPage");
    static final Property HYDRA_LAST_PAGE = ResourceFactory.createProperty(HYDRA_NS, "lastPage");
    static final Property HYDRA_NEXT_PAGE = ResourceFactory.createProperty(HYDRA_NS, "nextPage");
    static final Property HYDRA_PREVIOUS_PAGE = ResourceFactory.createProperty(HYDRA_NS, "previousPage");

    private DcatApTerms() {
    }
}
