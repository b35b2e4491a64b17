package fr.mel.opale.catalog.dcat;

import fr.mel.opale.catalog.model.CatalogRecord;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VCARD4;
import org.apache.jena.vocabulary.XSD;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Builds the DCAT-AP 3 description of the public catalog, or of one record, as a Jena {@link Model}.
 *
 * <p>URIs: the catalog is {@code {publicUrl}/dcat/catalogue}, its publisher {@code {publicUrl}/dcat/mel}; a record's
 * resource is {@code {publicUrl}/catalogue/{id}#dataset} (or {@code #service}, {@code #resource}, see
 * {@link DcatClass}), its landing page the record page {@code {publicUrl}/catalogue/{id}}, its distributions
 * {@code ...#distribution-1}, {@code -2}... in link order. The record identifier is percent-encoded in them.
 *
 * <p>The caller decides which records to pass: this class applies no access policy (the controller gives it
 * public records only). Stateless and thread-safe; each call returns a new model.
 */
@Component
public class DcatExport {
    static final String CATALOG_TITLE_FR = "Catalogue de la Métropole Européenne de Lille";
    static final String CATALOG_TITLE_EN = "Catalogue of the Métropole Européenne de Lille";
    static final String MEL = "Métropole Européenne de Lille";

    private final String publicUrl;

    public DcatExport(@Value("${opale.public-url:http://localhost:8080}") String publicUrl) {
        String url = publicUrl.strip();
        this.publicUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The URI of the catalog node. */
    public String catalogUri() {
        return publicUrl + "/dcat/catalogue";
    }

    /**
     * One page of the catalog: the {@code dcat:Catalog} listing each record and, when {@code paging} is given, a
     * {@code hydra:PagedCollection} node with the page links as CKAN and data.europa.eu harvesters read them.
     *
     * @param records      the page's records, in order; never filtered here
     * @param lastModified when the catalog last changed (its newest record), null when empty
     */
    public Model catalog(List<CatalogRecord> records, @Nullable DcatPaging paging, @Nullable Instant lastModified) {
        Model model = newModel();
        Resource catalog = catalogNode(model, lastModified);
        Map<String, DcatClass> classes = new HashMap<>();
        records.forEach(r -> classes.put(r.id(), DcatClass.of(r)));
        RecordMapping mapping = new RecordMapping(model, publicUrl, classes);
        for (CatalogRecord record : records) {
            Resource resource = mapping.add(record);
            catalog.addProperty(classes.get(record.id()).catalogProperty(), resource);
        }
        if (paging != null) {
            addPaging(model, paging);
        }
        return model;
    }

    /** One record on its own (no catalog node), as served on {@code /api/records/{id}/dcat}. */
    public Model record(CatalogRecord record) {
        Model model = newModel();
        new RecordMapping(model, publicUrl, Map.of(record.id(), DcatClass.of(record))).add(record);
        return model;
    }

    /** The URL of a page of {@code /dcat}, as written in the Hydra links. */
    public String pageUrl(DcatPaging paging, int page) {
        return publicUrl + "/dcat?page=" + page + "&size=" + paging.size()
                + (paging.format() == null ? "" : "&format=" + paging.format());
    }

    private Resource catalogNode(Model model, @Nullable Instant lastModified) {
        Resource publisher = model.createResource(publicUrl + "/dcat/mel")
                .addProperty(RDF.type, FOAF.Agent).addProperty(RDF.type, FOAF.Organization)
                .addProperty(FOAF.name, MEL)
                .addProperty(FOAF.homepage, model.createResource("https://www.lillemetropole.fr/"));
        Resource catalog = model.createResource(catalogUri(), DCAT.Catalog)
                .addProperty(DCTerms.title, CATALOG_TITLE_FR, "fr")
                .addProperty(DCTerms.title, CATALOG_TITLE_EN, "en")
                .addProperty(DCTerms.description, "Données ouvertes et services de la Métropole Européenne de Lille, "
                        + "de ses 95 communes et de ses partenaires, publiés par la plateforme Opale.", "fr")
                .addProperty(DCTerms.description, "Open data and services of the Métropole Européenne de Lille, its 95 "
                        + "municipalities and partners, published by the Opale platform.", "en")
                .addProperty(DCTerms.publisher, publisher)
                .addProperty(FOAF.homepage, model.createResource(publicUrl + "/", FOAF.Document))
                .addProperty(DCTerms.language, model.createResource(EuAuthorities.LANGUAGE + "FRA",
                        DCTerms.LinguisticSystem));
        if (lastModified != null) {
            catalog.addProperty(DCTerms.modified,
                    model.createTypedLiteral(lastModified.toString(), XSDDatatype.XSDdateTime));
        }
        return catalog;
    }

    private void addPaging(Model model, DcatPaging paging) {
        // Page links are literals, as ckanext-dcat writes them and as harvesters of its output expect.
        Resource collection = model.createResource(pageUrl(paging, paging.page()), DcatApTerms.HYDRA_PAGED_COLLECTION)
                .addLiteral(DcatApTerms.HYDRA_TOTAL_ITEMS, model.createTypedLiteral(String.valueOf(paging.total()),
                        XSDDatatype.XSDinteger))
                .addLiteral(DcatApTerms.HYDRA_ITEMS_PER_PAGE, model.createTypedLiteral(String.valueOf(paging.size()),
                        XSDDatatype.XSDinteger))
                .addProperty(DcatApTerms.HYDRA_FIRST_PAGE, pageUrl(paging, 1))
                .addProperty(DcatApTerms.HYDRA_LAST_PAGE, pageUrl(paging, paging.lastPage()));
        if (paging.hasNext()) {
            collection.addProperty(DcatApTerms.HYDRA_NEXT_PAGE, pageUrl(paging, paging.page() + 1));
        }
        if (paging.hasPrevious()) {
            collection.addProperty(DcatApTerms.HYDRA_PREVIOUS_PAGE, pageUrl(paging, paging.page() - 1));
        }
    }

    private static Model newModel() {
        Model model = ModelFactory.createDefaultModel();
        model.setNsPrefix("dcat", DCAT.NS);
        model.setNsPrefix("dct", DCTerms.NS);
        model.setNsPrefix("foaf", FOAF.NS);
        model.setNsPrefix("vcard", VCARD4.NS);
        model.setNsPrefix("skos", SKOS.uri);
        model.setNsPrefix("rdf", RDF.uri);
        model.setNsPrefix("rdfs", RDFS.uri);
        model.setNsPrefix("xsd", XSD.NS);
        model.setNsPrefix("adms", DcatApTerms.ADMS_NS);
        model.setNsPrefix("locn", DcatApTerms.LOCN_NS);
        model.setNsPrefix("gsp", DcatApTerms.GSP_NS);
        model.setNsPrefix("hydra", DcatApTerms.HYDRA_NS);
        return model;
    }
}
