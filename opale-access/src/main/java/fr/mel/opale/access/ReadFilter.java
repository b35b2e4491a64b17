package fr.mel.opale.access;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The policy's answer to "which resources may this viewer see?" for lists, searches, counts and facets, so that a
 * hidden resource never shows, not even as a number. Two equivalent forms: {@link #keys()} for indexes that store,
 * for each resource, {@link AccessPolicy#readersOf the keys of its readers} (a resource is visible when they meet);
 * {@link #sql} for tables holding the visibility and owner columns next to the {@code access_grant} table.
 *
 * @param everything true for viewers who see every resource (platform administrators)
 * @param keys       the reader keys the viewer holds ({@code public}, {@code logged-in}, {@code person:<id>},
 *                   {@code organisation:<slug>} for each organisation, {@code editor:<slug>} for each one where they
 *                   edit, {@code project:<slug>} for each project)
 */
public record ReadFilter(boolean everything, Set<String> keys) {
    public ReadFilter {
        keys = Set.copyOf(keys);
    }

    public static final ReadFilter PUBLIC_ONLY = new ReadFilter(false, Set.of(AccessPolicy.PUBLIC_KEY));

    /** Whether a resource readable with {@code readerKeys} passes the filter. */
    public boolean admits(Set<String> readerKeys) {
        return everything || readerKeys.stream().anyMatch(keys::contains);
    }

    /**
     * The filter as an SQL condition over a table with a visibility column, an owner-organisation column and the
     * resource-id column grants hang on. Values are bound parameters (named {@code rf_…}), never concatenated.
     *
     * @param visibility e.g. {@code r.visibility}
     * @param owner      e.g. {@code r.owner_org}
     * @param id         e.g. {@code r.id}
     */
    public SqlCondition sql(String visibility, String owner, String id) {
        if (everything) {
            return new SqlCondition("1 = 1", Map.of());
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("rf_public", Visibility.PUBLIC.name());
        StringBuilder sql = new StringBuilder("(" + visibility + " = :rf_public");
        Set<String> members = withPrefix("organisation:");
        Set<String> editors = withPrefix("editor:");
        Set<String> principals = keys.stream().filter(k -> !k.equals(AccessPolicy.PUBLIC_KEY) && !k.startsWith("editor:"))
                .collect(java.util.stream.Collectors.toSet());
        if (!principals.isEmpty()) {
            params.put("rf_restricted", Visibility.RESTRICTED.name());
            params.put("rf_principals", principals);
            sql.append(" OR (").append(visibility).append(" = :rf_restricted AND (");
            if (!members.isEmpty()) {
                params.put("rf_members", members);
                sql.append(owner).append(" IN (:rf_members) OR ");
            }
            sql.append(id).append(" IN (SELECT g.resource_id FROM access_grant g WHERE g.principal IN (:rf_principals))))");
        }
        if (!editors.isEmpty()) {
            params.put("rf_draft", Visibility.DRAFT.name());
            params.put("rf_editors", editors);
            sql.append(" OR (").append(visibility).append(" = :rf_draft AND ").append(owner).append(" IN (:rf_editors))");
        }
        return new SqlCondition(sql.append(")").toString(), params);
    }

    private Set<String> withPrefix(String prefix) {
        return keys.stream().filter(k -> k.startsWith(prefix)).map(k -> k.substring(prefix.length()))
                .collect(java.util.stream.Collectors.toSet());
    }

    /** An SQL condition and its named parameters. */
    public record SqlCondition(String sql, Map<String, Object> params) {
        public SqlCondition {
            params = Map.copyOf(params);
        }
    }
}
