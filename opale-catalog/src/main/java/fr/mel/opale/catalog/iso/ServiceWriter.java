package fr.mel.opale.catalog.iso;

import static fr.mel.opale.catalog.iso.IsoXmlStream.GCO;
import static fr.mel.opale.catalog.iso.IsoXmlStream.GMD;
import static fr.mel.opale.catalog.iso.IsoXmlStream.SRV;
import static fr.mel.opale.catalog.iso.IsoXmlStream.XLINK;

import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.OnlineResource;
import fr.mel.opale.catalog.model.RelatedRecord;
import fr.mel.opale.catalog.model.ServiceInfo;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import org.jspecify.annotations.Nullable;

/**
 * What only {@code srv:SV_ServiceIdentification} has, in the order of ISO 19119 Amd 1's schema: service type and
 * versions, extent, coupling type, operations and the data it operates on. The schema makes the type, the coupling
 * type and at least one operation mandatory: unknown ones are nil, and the operation is a minimal one whose connect
 * point is the service's endpoint among the online resources.
 */
final class ServiceWriter {
    private ServiceWriter() {
    }

    static void tail(IsoXmlStream xml, CatalogRecord record) throws XMLStreamException {
        ServiceInfo service = record.service();
        if (service == null || service.serviceType() == null) {
            xml.nil(SRV, "serviceType", "missing");
        } else {
            xml.start(SRV, "serviceType");
            xml.simple(GCO, "LocalName", service.serviceType());
            xml.end();
        }
        if (service != null) {
            for (String version : service.serviceTypeVersions()) {
                xml.string(SRV, "serviceTypeVersion", version);
            }
        }
        if (ExtentWriter.hasExtent(record)) {
            ExtentWriter.write(xml, SRV, "extent", record);
        }
        if (service == null || service.couplingType() == null) {
            xml.nil(SRV, "couplingType", "missing");
        } else {
            xml.code(SRV, "couplingType", SRV, "SV_CouplingType", service.couplingType());
        }
        operation(xml, endpoint(record));
        for (RelatedRecord related : record.relatedRecords()) {
            if (RelatedRecord.OPERATES_ON.equals(related.association())) {
                operatesOn(xml, related);
            }
        }
    }

    /** The first service or API resource with a valid URL, else the first resource with one; null if none. */
    private static @Nullable OnlineResource endpoint(CatalogRecord record) {
        OnlineResource any = null;
        for (OnlineResource resource : record.onlineResources()) {
            if (SchemaValues.uri(resource.url()) != null) {
                if (IsoCodes.isServiceEndpoint(resource)) {
                    return resource;
                }
                any = any == null ? resource : any;
            }
        }
        return any;
    }

    private static void operation(IsoXmlStream xml, @Nullable OnlineResource endpoint) throws XMLStreamException {
        if (endpoint == null) {
            xml.nil(SRV, "containsOperations", "missing");
            return;
        }
        xml.start(SRV, "containsOperations");
        xml.start(SRV, "SV_OperationMetadata");
        xml.string(SRV, "operationName", isOgc(endpoint) ? "GetCapabilities" : "access");
        xml.start(SRV, "DCP");
        xml.codeValue(SRV, "DCPList", IsoCodes.CODE_LISTS + "DCPList", "WebServices");
        xml.end();
        xml.start(SRV, "connectPoint");
        xml.start(GMD, "CI_OnlineResource");
        xml.url(GMD, "linkage", endpoint.url());
        xml.string(GMD, "protocol", endpoint.protocol());
        xml.end();
        xml.end();
        xml.end();
        xml.end();
    }

    private static boolean isOgc(OnlineResource resource) {
        String protocol = resource.protocol() == null ? "" : resource.protocol().toUpperCase(Locale.ROOT);
        String url = resource.url().toLowerCase(Locale.ROOT);
        return protocol.startsWith("OGC:") || url.contains("service=") || url.contains("getcapabilities");
    }

    /**
     * {@code <srv:operatesOn uuidref="…" xlink:href="…"/>}, the INSPIRE way of pointing to a dataset's metadata;
     * the other record's title is not written (it would need a whole inline identification).
     */
    private static void operatesOn(IsoXmlStream xml, RelatedRecord related) throws XMLStreamException {
        String href = SchemaValues.uri(related.uri());
        if (related.identifier() == null && href == null) {
            return;
        }
        xml.start(SRV, "operatesOn");
        if (related.identifier() != null) {
            xml.attribute("uuidref", related.identifier());
        }
        if (href != null) {
            xml.attribute(XLINK, "href", href);
        }
        xml.end();
    }
}
