package fr.mel.opale.catalog.iso;

import fr.mel.opale.catalog.model.Contact;
import fr.mel.opale.catalog.model.Organisation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * Contacts in both shapes: ISO 19139's flat {@code CI_ResponsibleParty} (individualName, organisationName,
 * contactInfo, role) and ISO 19115-3's {@code CI_Responsibility} (role, then a party that is a
 * {@code CI_Organisation}, possibly holding a {@code CI_Individual}, or a {@code CI_Individual} alone).
 */
final class ContactMapping {
    /** Roles in the order they make a good DCAT publisher. */
    private static final List<String> PUBLISHER_ROLES =
            List.of("publisher", "owner", "pointofcontact", "custodian", "originator", "distributor");

    private ContactMapping() {
    }

    /**
     * The contacts held by property elements ({@code gmd:pointOfContact}, {@code mdb:contact}...), in order. Empty
     * parties (a bare xlink to a GeoNetwork sub-template, a nil organisation) are left out.
     */
    static List<Contact> read(List<Element> properties, Contact.Scope scope) {
        List<Contact> contacts = new ArrayList<>();
        for (Element property : properties) {
            for (Element party : Dom.children(property, "*")) {
                Contact contact = contact(party, scope);
                if (contact != null) {
                    contacts.add(contact);
                }
            }
        }
        return contacts;
    }

    private static @Nullable Contact contact(Element party, Contact.Scope scope) {
        String role = Dom.code(party, "role");
        String individual = Dom.text(party, "individualName");
        String organisation = Dom.text(party, "organisationName");
        String position = Dom.text(party, "positionName");
        // Contact details of the person first (more specific), then of the organisation.
        List<Element> details = new ArrayList<>(Dom.all(party, "contactInfo", "CI_Contact"));
        for (Element responsible : Dom.all(party, "party", "*")) {
            if ("CI_Individual".equals(Dom.localName(responsible))) {
                individual = firstNonNull(individual, Dom.text(responsible, "name"));
                position = firstNonNull(position, Dom.text(responsible, "positionName"));
                details.addAll(Dom.all(responsible, "contactInfo", "CI_Contact"));
            } else {
                organisation = firstNonNull(organisation, Dom.text(responsible, "name"));
                for (Element person : Dom.all(responsible, "individual", "CI_Individual")) {
                    individual = firstNonNull(individual, Dom.text(person, "name"));
                    position = firstNonNull(position, Dom.text(person, "positionName"));
                    details.addAll(0, Dom.all(person, "contactInfo", "CI_Contact"));
                }
                details.addAll(Dom.all(responsible, "contactInfo", "CI_Contact"));
            }
        }
        String email = firstOf(details, c -> Dom.text(c, "address", "CI_Address", "electronicMailAddress"));
        String phone = firstOf(details, ContactMapping::phone);
        String address = firstOf(details, ContactMapping::address);
        String url = firstOf(details, c -> Dom.text(c, "onlineResource", "CI_OnlineResource", "linkage"));
        if (Stream.of(individual, organisation, position, email, phone, url).allMatch(Objects::isNull)) {
            return null;
        }
        return new Contact(individual, organisation, position, email, phone, address, url, role, scope);
    }

    private static @Nullable String phone(Element contact) {
        // 19139: CI_Telephone/voice. 19115-3: CI_Telephone/number with numberType voice (else the first number).
        String voice = Dom.text(contact, "phone", "CI_Telephone", "voice");
        if (voice != null) {
            return voice;
        }
        String first = null;
        for (Element telephone : Dom.all(contact, "phone", "CI_Telephone")) {
            String number = Dom.text(telephone, "number");
            if (number != null && "voice".equalsIgnoreCase(Dom.code(telephone, "numberType"))) {
                return number;
            }
            first = firstNonNull(first, number);
        }
        return first;
    }

    private static @Nullable String address(Element contact) {
        Element address = Dom.first(contact, "address", "CI_Address");
        if (address == null) {
            return null;
        }
        String street = Dom.children(address, "deliveryPoint").stream().map(Dom::text).filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        String town = Stream.of(Dom.text(address, "postalCode"), Dom.text(address, "city"))
                .filter(Objects::nonNull).collect(Collectors.joining(" "));
        String joined = Stream.of(street, town).filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));
        return joined.isEmpty() ? null : joined;
    }

    /**
     * The organisation publishing the resource: the first resource contact having an organisation name, looking
     * for the roles publisher, owner, pointOfContact, custodian, originator, distributor in that order, then any
     * role. Null when no resource contact names an organisation.
     */
    static @Nullable Organisation publisher(List<Contact> resourceContacts) {
        List<Contact> named = resourceContacts.stream().filter(c -> c.organisationName() != null).toList();
        for (String role : PUBLISHER_ROLES) {
            for (Contact contact : named) {
                if (contact.role() != null && role.equals(contact.role().toLowerCase(Locale.ROOT))) {
                    return organisation(contact);
                }
            }
        }
        return named.isEmpty() ? null : organisation(named.get(0));
    }

    private static Organisation organisation(Contact contact) {
        return new Organisation(contact.organisationName(), null, contact.email());
    }

    private static <T> @Nullable String firstOf(List<T> values, Function<T, @Nullable String> reader) {
        for (T value : values) {
            String found = reader.apply(value);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static @Nullable String firstNonNull(@Nullable String first, @Nullable String second) {
        return first != null ? first : second;
    }
}
