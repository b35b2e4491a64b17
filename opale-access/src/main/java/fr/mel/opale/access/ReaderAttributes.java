package fr.mel.opale.access;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a row rule may say about its reader ({@code code_insee IN reader.organisations.insee}): each attribute's
 * values for one viewer, sorted. Built by {@link AccessPolicy#readerAttributes}; {@link #NAMES} is what a rule may
 * name, checked when it is written.
 *
 * @param values attribute name → its values ({@link String}, or {@link Long} for the person's id); never null
 */
public record ReaderAttributes(Map<String, List<Object>> values) {
    /** The INSEE codes of the reader's organisations (communes). */
    public static final String INSEE = "reader.organisations.insee";
    /** The slugs of the organisations the reader belongs to (any role). */
    public static final String ORGANISATIONS = "reader.organisations.slug";
    /** The slugs of the reader's projects (directly or through an organisation or a project). */
    public static final String PROJECTS = "reader.projects.slug";
    /** The reader's person id (a number); none for anonymous visitors. */
    public static final String PERSON = "reader.person.id";
    /** Every attribute a rule may name. */
    public static final Set<String> NAMES = Set.of(INSEE, ORGANISATIONS, PROJECTS, PERSON);

    public ReaderAttributes {
        values = Map.copyOf(values);
    }

    static ReaderAttributes of(Viewer viewer) {
        return new ReaderAttributes(Map.of(
                INSEE, List.copyOf(new TreeSet<Object>(viewer.inseeCodes())),
                ORGANISATIONS, List.copyOf(new TreeSet<Object>(viewer.organisations().keySet())),
                PROJECTS, List.copyOf(new TreeSet<Object>(viewer.projects().keySet())),
                PERSON, viewer.personId() == null ? List.of() : List.of(viewer.personId())));
    }

    /** The values of attribute {@code name} (one of {@link #NAMES}). */
    public List<Object> of(String name) {
        List<Object> found = values.get(name);
        if (found == null) {
            throw new IllegalArgumentException("Unknown reader attribute " + name);
        }
        return found;
    }

    /** Whether {@code name} is a reader attribute (a rule's property starting with {@code reader.}). */
    public static boolean isReaderName(String name) {
        return name.startsWith("reader.");
    }
}
