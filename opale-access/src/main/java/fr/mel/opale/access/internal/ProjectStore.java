package fr.mel.opale.access.internal;

import static fr.mel.opale.access.internal.Timestamps.column;

import fr.mel.opale.access.MembershipRole;
import fr.mel.opale.access.project.Project;
import fr.mel.opale.access.project.ProjectMember;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;

/** The {@code project} and {@code project_member} tables, through {@link JdbcClient}. No rule, no transaction. */
@Component
public class ProjectStore {
    private final JdbcClient jdbc;

    ProjectStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Project> find(String slug) {
        return jdbc.sql("SELECT id, slug, name FROM project WHERE slug = ?").param(slug)
                .query((row, i) -> new Project(row.getLong("id"), row.getString("slug"), row.getString("name")))
                .optional();
    }

    public List<Project> all() {
        return jdbc.sql("SELECT id, slug, name FROM project ORDER BY LOWER(name), slug")
                .query((row, i) -> new Project(row.getLong("id"), row.getString("slug"), row.getString("name")))
                .list();
    }

    public long insert(String slug, String name) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO project (slug, name, created_at) VALUES (?, ?, ?)")
                .params(slug, name, column(Timestamps.now())).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    public void rename(long id, String name) {
        jdbc.sql("UPDATE project SET name = ? WHERE id = ?").params(name, id).update();
    }

    public List<ProjectMember> members(long projectId) {
        return jdbc.sql("SELECT m.person_id, pe.display_name, o.slug AS org_slug, o.name AS org_name, "
                        + "mp.slug AS project_slug, mp.name AS project_name, m.role FROM project_member m "
                        + "LEFT JOIN person pe ON pe.id = m.person_id "
                        + "LEFT JOIN organisation o ON o.id = m.organisation_id "
                        + "LEFT JOIN project mp ON mp.id = m.member_project_id "
                        + "WHERE m.project_id = ? ORDER BY m.id")
                .param(projectId)
                .query((row, i) -> {
                    MembershipRole role = OrganisationStore.role(row.getString("role"));
                    if (row.getString("org_slug") != null) {
                        return new ProjectMember(ProjectMember.Kind.ORGANISATION, row.getString("org_slug"),
                                row.getString("org_name"), role);
                    }
                    if (row.getString("project_slug") != null) {
                        return new ProjectMember(ProjectMember.Kind.PROJECT, row.getString("project_slug"),
                                row.getString("project_name"), role);
                    }
                    return new ProjectMember(ProjectMember.Kind.PERSON, Long.toString(row.getLong("person_id")),
                            row.getString("display_name"), role);
                }).list();
    }

    /** The ids of the projects that are members of project {@code projectId}. */
    public List<Long> memberProjects(long projectId) {
        return jdbc.sql("SELECT member_project_id FROM project_member WHERE project_id = ? "
                + "AND member_project_id IS NOT NULL").param(projectId).query(Long.class).list();
    }

    /** Inserts or updates the row of one member; exactly one of the three ids is non-null. */
    public void putMember(long projectId, @Nullable Long personId, @Nullable Long organisationId,
                          @Nullable Long memberProjectId, MembershipRole role) {
        String column = personId != null ? "person_id" : organisationId != null ? "organisation_id" : "member_project_id";
        long memberId = personId != null ? personId : organisationId != null ? organisationId : memberProjectId;
        int updated = jdbc.sql("UPDATE project_member SET role = ? WHERE project_id = ? AND " + column + " = ?")
                .params(role.slug(), projectId, memberId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO project_member (project_id, person_id, organisation_id, member_project_id, role, "
                            + "since) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(projectId, personId, organisationId, memberProjectId, role.slug(),
                            column(Timestamps.now())).update();
        }
    }

    /** Removes one member; false when it was not one. */
    public boolean deleteMember(long projectId, @Nullable Long personId, @Nullable Long organisationId,
                                @Nullable Long memberProjectId) {
        String column = personId != null ? "person_id" : organisationId != null ? "organisation_id" : "member_project_id";
        long memberId = personId != null ? personId : organisationId != null ? organisationId : memberProjectId;
        return jdbc.sql("DELETE FROM project_member WHERE project_id = ? AND " + column + " = ?")
                .params(projectId, memberId).update() > 0;
    }
}
