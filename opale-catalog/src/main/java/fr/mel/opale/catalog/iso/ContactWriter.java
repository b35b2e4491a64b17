package fr.mel.opale.catalog.iso;

import static fr.mel.opale.catalog.iso.IsoXmlStream.GMD;

import fr.mel.opale.catalog.model.Contact;
import javax.xml.stream.XMLStreamException;

/**
 * A {@link Contact} as {@code gmd:CI_ResponsibleParty}: names, then contact details (voice phone; address with the
 * model's one-line address as a delivery point and the email; web page), then the role, mandatory in the schema and
 * nil ({@code unknown}) when the model has none.
 */
final class ContactWriter {
    private ContactWriter() {
    }

    /** {@code <gmd:property><gmd:CI_ResponsibleParty>…</gmd:CI_ResponsibleParty></gmd:property>}. */
    static void write(IsoXmlStream xml, String property, Contact contact) throws XMLStreamException {
        xml.start(GMD, property);
        xml.start(GMD, "CI_ResponsibleParty");
        xml.string(GMD, "individualName", contact.individualName());
        xml.string(GMD, "organisationName", contact.organisationName());
        xml.string(GMD, "positionName", contact.positionName());
        contactInfo(xml, contact);
        if (contact.role() == null) {
            xml.nil(GMD, "role", "unknown");
        } else {
            xml.code(GMD, "role", GMD, "CI_RoleCode", contact.role());
        }
        xml.end();
        xml.end();
    }

    private static void contactInfo(IsoXmlStream xml, Contact contact) throws XMLStreamException {
        String url = SchemaValues.uri(contact.url());
        if (contact.phone() == null && contact.address() == null && contact.email() == null && url == null) {
            return;
        }
        xml.start(GMD, "contactInfo");
        xml.start(GMD, "CI_Contact");
        if (contact.phone() != null) {
            xml.start(GMD, "phone");
            xml.start(GMD, "CI_Telephone");
            xml.string(GMD, "voice", contact.phone());
            xml.end();
            xml.end();
        }
        if (contact.address() != null || contact.email() != null) {
            xml.start(GMD, "address");
            xml.start(GMD, "CI_Address");
            xml.string(GMD, "deliveryPoint", contact.address());
            xml.string(GMD, "electronicMailAddress", contact.email());
            xml.end();
            xml.end();
        }
        if (url != null) {
            xml.start(GMD, "onlineResource");
            xml.start(GMD, "CI_OnlineResource");
            xml.url(GMD, "linkage", url);
            xml.end();
            xml.end();
        }
        xml.end();
        xml.end();
    }
}
