package fr.mel.opale.access.internal;

import static fr.mel.opale.access.internal.Timestamps.column;

import fr.mel.opale.access.MembershipRole;
import fr.mel.opale.access.organisation.Member;
import fr.mel.opale.access.organisation.Organisation;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/**
 * The {@code organisation} and {@code organisation_member} tables, through {@link JdbcClient}. No rule here (the
 * {@link fr.mel.opale.access.organisation.Organisations} service validates); no transaction of its own.
 */
@Component
public class OrganisationStore {
    private static final String SELECT = "SELECT o.id, o.slug, o.name, o.insee_code, p.slug AS parent_slug "
            + "FROM organisation o LEFT JOIN organisation p ON p.id = o.parent_id";

    private final JdbcClient jdbc;

    OrganisationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Organisation> find(String slug) {
        return jdbc.sql(SELECT + " WHERE o.slug = ?").param(slug).query(OrganisationStore::organisation).optional();
    }

    public Optional<Organisation> findByInsee(String inseeCode) {
        return jdbc.sql(SELECT + " WHERE o.insee_code = ?").param(inseeCode).query(OrganisationStore::organisation)
                .optional();
    }

    /** Every organisation, by name. */
    public List<Organisation> all() {
        return jdbc.sql(SELECT + " ORDER BY LOWER(o.name), o.slug").query(OrganisationStore::organisation).list();
    }

    public long insert(String slug, String name, @Nullable String inseeCode, @Nullable Long parentId) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO organisation (slug, name, insee_code, parent_id, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(slug, name, inseeCode, parentId, column(Timestamps.now())).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public void update(long id, String name, @Nullable String inseeCode, @Nullable Long parentId) {
        jdbc.sql("UPDATE organisation SET name = ?, insee_code = ?, parent_id = ? WHERE id = ?")
                .params(name, inseeCode, parentId, id).update();
    }

    public Optional<String> logo(long id) {
        return jdbc.sql("SELECT logo_url FROM organisation WHERE id = ?").param(id).query(String.class).optional();
    }

    public void setLogo(long id, @Nullable String url) {
        jdbc.sql("UPDATE organisation SET logo_url = ? WHERE id = ?").params(url, id).update();
    }

    public Optional<String> description(long id) {
        return jdbc.sql("SELECT description FROM organisation WHERE id = ?").param(id).query(String.class)
                .optional();
    }

    public void setDescription(long id, @Nullable String text) {
        jdbc.sql("UPDATE organisation SET description = ? WHERE id = ?").params(text, id).update();
    }

    public List<Member> members(long organisationId) {
        return jdbc.sql("SELECT m.person_id, p.display_name, m.role FROM organisation_member m "
                        + "JOIN person p ON p.id = m.person_id WHERE m.organisation_id = ? "
                        + "ORDER BY LOWER(p.display_name), m.person_id")
                .param(organisationId)
                .query((row, i) -> new Member(row.getLong("person_id"), row.getString("display_name"),
                        role(row.getString("role"))))
                .list();
    }

    public Optional<MembershipRole> role(long organisationId, long personId) {
        return jdbc.sql("SELECT role FROM organisation_member WHERE organisation_id = ? AND person_id = ?")
                .params(organisationId, personId).query(String.class).optional().map(OrganisationStore::role);
    }

    public long countAdmins(long organisationId) {
        return jdbc.sql("SELECT COUNT(*) FROM organisation_member WHERE organisation_id = ? AND role = ?")
                .params(organisationId, MembershipRole.ADMIN.slug()).query(Long.class).single();
    }

    public void insertMember(long organisationId, long personId, MembershipRole role) {
        jdbc.sql("INSERT INTO organisation_member (organisation_id, person_id, role, since) VALUES (?, ?, ?, ?)")
                .params(organisationId, personId, role.slug(), column(Timestamps.now())).update();
    }

    /** Sets a role by hand: the membership is then the administrators', no longer the claim rules' to change. */
    public void updateMember(long organisationId, long personId, MembershipRole role) {
        jdbc.sql("UPDATE organisation_member SET role = ?, claims_provider = NULL WHERE organisation_id = ? "
                        + "AND person_id = ?")
                .params(role.slug(), organisationId, personId).update();
    }

    /** A membership of person {@code personId} and where it came from (null provider: by hand). */
    public record HeldMembership(long organisationId, String slug, MembershipRole role,
                                 @Nullable String claimsProvider) {
    }

    /** Every organisation membership of {@code personId}, by organisation slug. */
    public List<HeldMembership> membershipsOf(long personId) {
        return jdbc.sql("SELECT o.id, o.slug, m.role, m.claims_provider FROM organisation_member m "
                        + "JOIN organisation o ON o.id = m.organisation_id WHERE m.person_id = ? ORDER BY o.slug")
                .param(personId)
                .query((row, i) -> new HeldMembership(row.getLong("id"), row.getString("slug"),
                        role(row.getString("role")), row.getString("claims_provider")))
                .list();
    }

    /** Adds a membership given by the claims of a login through {@code provider}. */
    public void insertClaimMember(long organisationId, long personId, MembershipRole role, String provider) {
        jdbc.sql("INSERT INTO organisation_member (organisation_id, person_id, role, since, claims_provider) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(organisationId, personId, role.slug(), column(Timestamps.now()), provider).update();
    }

    /** Changes the role of a membership the claims of {@code provider} gave, keeping it theirs. */
    public void updateClaimMember(long organisationId, long personId, MembershipRole role) {
        jdbc.sql("UPDATE organisation_member SET role = ? WHERE organisation_id = ? AND person_id = ?")
                .params(role.slug(), organisationId, personId).update();
    }

    public void deleteMember(long organisationId, long personId) {
        jdbc.sql("DELETE FROM organisation_member WHERE organisation_id = ? AND person_id = ?")
                .params(organisationId, personId).update();
    }

    static MembershipRole role(String slug) {
        return MembershipRole.of(slug).orElseThrow(() -> new IllegalStateException("rôle inconnu en base : " + slug));
    }

    private static Organisation organisation(ResultSet row, int i) throws SQLException {
        return new Organisation(row.getLong("id"), row.getString("slug"), row.getString("name"),
                row.getString("insee_code"), row.getString("parent_slug"));
    }
}
