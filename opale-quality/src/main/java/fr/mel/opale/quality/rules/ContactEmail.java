package fr.mel.opale.quality.rules;

import fr.mel.opale.catalog.model.CatalogRecord;
import fr.mel.opale.catalog.model.Contact;
import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code contactEmail}: a contact of one of the {@code scopes} (resource, metadata, distribution) — or the
 * publisher, when {@code includePublisher} — has a well-formed email address: one {@code @}, no spaces, a dot in
 * the domain. Whether the mailbox exists is not checked (no network during a score).
 */
public record ContactEmail(Set<Contact.Scope> scopes, boolean includePublisher) implements Check {
    private static final Pattern EMAIL = Pattern.compile(
            "^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$");

    public ContactEmail {
        scopes = Set.copyOf(scopes);
    }

    @Override
    public boolean test(CatalogRecord record, LocalDate today) {
        Stream<String> contacts = record.contacts().stream().filter(c -> scopes.contains(c.scope()))
                .map(Contact::email);
        Stream<String> publisher = includePublisher && record.publisher() != null
                ? Stream.of(record.publisher().email()) : Stream.empty();
        return Stream.concat(contacts, publisher).anyMatch(ContactEmail::wellFormed);
    }

    static boolean wellFormed(@Nullable String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email.strip()).matches();
    }
}
