package fr.mel.opale.catalog.iso;

import static fr.mel.opale.catalog.iso.IsoXmlStream.GMD;

import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Contact;
import fr.mel.opale.catalog.model.Format;
import fr.mel.opale.catalog.model.OnlineResource;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/**
 * The record's {@code gmd:MD_Distribution}: formats (a missing version is nil, the schema requires one),
 * distributors (the distribution contacts) and one set of transfer options holding every online resource whose URL
 * can be a valid {@code gmd:URL}; resources whose URL cannot are left out.
 */
final class DistributionWriter {
    private DistributionWriter() {
    }

    static void write(IsoXmlStream xml, CatalogRecord record) throws XMLStreamException {
        List<Contact> distributors = record.contacts().stream()
                .filter(c -> c.scope() == Contact.Scope.DISTRIBUTION).toList();
        List<OnlineResource> resources = record.onlineResources().stream()
                .filter(r -> SchemaValues.uri(r.url()) != null).toList();
        if (record.formats().isEmpty() && distributors.isEmpty() && resources.isEmpty()) {
            return;
        }
        xml.start(GMD, "distributionInfo");
        xml.start(GMD, "MD_Distribution");
        for (Format format : record.formats()) {
            xml.start(GMD, "distributionFormat");
            xml.start(GMD, "MD_Format");
            xml.string(GMD, "name", format.name());
            if (format.version() == null) {
                xml.nil(GMD, "version", "unknown");
            } else {
                xml.string(GMD, "version", format.version());
            }
            xml.end();
            xml.end();
        }
        for (Contact distributor : distributors) {
            xml.start(GMD, "distributor");
            xml.start(GMD, "MD_Distributor");
            ContactWriter.write(xml, "distributorContact", distributor);
            xml.end();
            xml.end();
        }
        if (!resources.isEmpty()) {
            xml.start(GMD, "transferOptions");
            xml.start(GMD, "MD_DigitalTransferOptions");
            for (OnlineResource resource : resources) {
                onLine(xml, resource);
            }
            xml.end();
            xml.end();
        }
        xml.end();
        xml.end();
    }

    private static void onLine(IsoXmlStream xml, OnlineResource resource) throws XMLStreamException {
        xml.start(GMD, "onLine");
        xml.start(GMD, "CI_OnlineResource");
        xml.url(GMD, "linkage", resource.url());
        xml.string(GMD, "protocol", resource.protocol());
        xml.string(GMD, "name", resource.name());
        xml.string(GMD, "description", resource.description());
        xml.code(GMD, "function", GMD, "CI_OnLineFunctionCode", IsoCodes.function(resource));
        xml.end();
        xml.end();
    }
}
