package fr.mel.opale.access.organisation;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessModelProblem;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.MembershipRole;
import fr.mel.opale.access.Viewer;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.internal.StoredPerson;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;

/**
 * Organisations ({@code slug;name;insee;parent}) and members ({@code organisation;email;role}) as CSV files, for
 * administrators: exported whole, imported all or nothing. An import checks every line, then applies them in one
 * transaction through {@link Organisations} (the same rights and checks as the console); the first refused line is
 * named in a French problem (400 for bad input, 403 for what the caller may not do, 404 for unknown organisations or
 * people, 409 for conflicts) and the transaction rolls back: nothing is applied.
 *
 * <p>UTF-8, {@code ;}-separated (what spreadsheets in French write), quotes allowed, a header line, at most
 * {@link #MAX_LINES} lines.
 */
@Service
public class OrganisationsCsv {
    public static final int MAX_LINES = 5_000;
    /** The largest file read, in bytes (checked by the controller before parsing). */
    public static final int MAX_BYTES = 1024 * 1024;
    public static final List<String> ORGANISATION_COLUMNS = List.of("slug", "name", "insee", "parent");
    public static final List<String> MEMBER_COLUMNS = List.of("organisation", "email", "role");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\n")
            .get();

    private final Organisations organisations;
    private final PersonStore people;
    private final AccessPolicy policy;

    OrganisationsCsv(Organisations organisations, PersonStore people, AccessPolicy policy) {
        this.organisations = organisations;
        this.people = people;
        this.policy = policy;
    }

    /** Every organisation (platform administrators), by name. */
    @Transactional(readOnly = true)
    public String exportOrganisations() {
        requirePlatformAdmin();
        return write(ORGANISATION_COLUMNS, organisations.all().stream()
                .map(o -> List.of(o.slug(), o.name(), blank(o.inseeCode()), blank(o.parent()))).toList());
    }

    /** The members of every organisation the caller manages (all for platform administrators), with their email. */
    @Transactional(readOnly = true)
    public String exportMembers() {
        Viewer viewer = policy.currentViewer();
        if (viewer.anonymous()) {
            throw new AccessDenied(viewer);
        }
        List<Organisation> managed = organisations.all().stream()
                .filter(o -> policy.canManageOrganisation(viewer, o.slug())).toList();
        if (managed.isEmpty() && !policy.canCreateOrganisations(viewer)) {
            throw new AccessDenied(viewer);
        }
        List<List<String>> rows = new ArrayList<>();
        for (Organisation o : managed) {
            for (Member m : organisations.members(o.slug())) {
                String email = people.find(m.personId()).map(StoredPerson::email).orElse(null);
                rows.add(List.of(o.slug(), blank(email), m.role().slug()));
            }
        }
        return write(MEMBER_COLUMNS, rows);
    }

    /**
     * Creates the organisations of the file that do not exist, renames and re-places those that do (platform
     * administrators); a parent may be defined further down the file. Returns how many lines changed something.
     */
    @Transactional
    public int importOrganisations(String csv) {
        requirePlatformAdmin();
        List<CSVRecord> lines = read(csv, ORGANISATION_COLUMNS);
        Set<String> seen = new HashSet<>();
        List<Runnable> placements = new ArrayList<>();
        int changed = 0;
        for (CSVRecord line : lines) {
            int number = (int) line.getRecordNumber();
            String slug = line.get(0).strip();
            String name = line.get(1);
            String insee = inseeAt(number, line.get(2));
            String parent = nullIfBlank(line.get(3));
            at(number, () -> Names.slug(slug, "l'organisation"));
            if (!seen.add(slug)) {
                throw AccessModelProblem.csv("Ligne " + number + " : l'organisation « " + slug
                        + " » figure déjà plus haut dans le fichier.");
            }
            Optional<Organisation> existing = organisations.find(slug);
            if (existing.isEmpty()) {
                at(number, () -> organisations.create(slug, name, null, null));
                changed++;
            } else if (!existing.get().name().equals(name.strip())) {
                at(number, () -> organisations.rename(slug, name));
                changed++;
            }
            Organisation before = existing.orElse(null);
            boolean moves = before == null ? insee != null || parent != null
                    : !Objects.equals(before.inseeCode(), insee) || !Objects.equals(before.parent(), parent);
            if (moves) {
                if (before != null) {
                    changed++;
                }
                // after every creation: a parent may come later in the file
                placements.add(() -> at(number, () -> organisations.setPlacement(slug, insee, parent)));
            }
        }
        placements.forEach(Runnable::run);
        return changed;
    }

    /** Adds members or changes their role (each line through {@link Organisations#putMember}). */
    @Transactional
    public int importMembers(String csv) {
        Viewer viewer = policy.currentViewer();
        if (viewer.anonymous()) {
            throw new AccessDenied(viewer);
        }
        List<CSVRecord> lines = read(csv, MEMBER_COLUMNS);
        Set<String> seen = new HashSet<>();
        for (CSVRecord line : lines) {
            int number = (int) line.getRecordNumber();
            String organisation = line.get(0).strip();
            String email = line.get(1).strip();
            MembershipRole role = MembershipRole.of(line.get(2).strip()).orElseThrow(() -> AccessModelProblem.csv(
                    "Ligne " + number + " : rôle « " + shorten(line.get(2)) + " » inconnu : member, editor ou admin."));
            if (email.isEmpty() || email.length() > 320) {
                throw AccessModelProblem.csv("Ligne " + number + " : adresse électronique manquante ou trop longue.");
            }
            if (!policy.canManageOrganisation(viewer, organisation)) {
                // before the address is looked up: whether an address has an account is told only to those who
                // manage the organisation's members, never to any logged-in person
                throw AccessModelProblem.atLine(number, new AccessDenied(viewer));
            }
            long person = people.findByEmail(email).map(StoredPerson::id).orElseThrow(() -> AccessModelProblem.csv(
                    "Ligne " + number + " : aucune personne n'a l'adresse « " + shorten(email)
                            + " » (elle doit d'abord avoir un compte)."));
            if (!seen.add(organisation + " " + person)) {
                throw AccessModelProblem.csv("Ligne " + number + " : « " + shorten(email) + " » figure déjà plus haut "
                        + "pour l'organisation « " + shorten(organisation) + " ».");
            }
            at(number, () -> organisations.putMember(organisation, person, role));
        }
        return lines.size();
    }

    private static @Nullable String inseeAt(int line, String value) {
        try {
            return Names.insee(nullIfBlank(value));
        } catch (AccessModelProblem problem) {
            throw AccessModelProblem.atLine(line, problem);
        }
    }

    private void requirePlatformAdmin() {
        Viewer viewer = policy.currentViewer();
        if (!policy.canCreateOrganisations(viewer)) {
            throw new AccessDenied(viewer);
        }
    }

    /** Runs one line's change; a refusal becomes the same refusal naming the line. */
    private static void at(int line, Runnable change) {
        try {
            change.run();
        } catch (AccessModelProblem problem) {
            if ("csv-invalide".equals(problem.code())) {
                throw problem;
            }
            throw AccessModelProblem.atLine(line, problem);
        } catch (ErrorResponseException refused) {
            throw AccessModelProblem.atLine(line, refused);
        }
    }

    private static List<CSVRecord> read(String csv, List<String> columns) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        List<CSVRecord> records;
        try {
            records = FORMAT.parse(new StringReader(text)).getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
            throw AccessModelProblem.csv("Fichier CSV mal formé (guillemets non refermés ?).");
        }
        if (records.isEmpty() || !normalised(records.get(0)).equals(columns)) {
            throw AccessModelProblem.csv("Ligne 1 : en-tête attendu « " + String.join(";", columns) + " ».");
        }
        if (records.size() - 1 > MAX_LINES) {
            throw AccessModelProblem.csv("Trop de lignes (" + (records.size() - 1) + ") : " + MAX_LINES + " au plus.");
        }
        List<CSVRecord> lines = new ArrayList<>();
        for (CSVRecord r : records.subList(1, records.size())) {
            if (r.size() == 1 && r.get(0).isBlank()) {
                continue;
            }
            if (r.size() != columns.size()) {
                throw AccessModelProblem.csv("Ligne " + r.getRecordNumber() + " : " + r.size() + " colonne(s) au lieu de "
                        + columns.size() + " (" + String.join(";", columns) + ").");
            }
            lines.add(r);
        }
        return lines;
    }

    private static List<String> normalised(CSVRecord header) {
        return header.stream().map(h -> h.strip().toLowerCase(java.util.Locale.ROOT)).toList();
    }

    private static String write(List<String> header, List<List<String>> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, FORMAT)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String blank(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static @Nullable String nullIfBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String shorten(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 60 ? clean : clean.substring(0, 59) + "…";
    }
}
