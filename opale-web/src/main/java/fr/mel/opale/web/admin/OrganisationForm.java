package fr.mel.opale.web.admin;

/** What the organisation creation form is filled with again after a refusal (public: the template reads it). */
public record OrganisationForm(String slug, String name, String insee, String parent) {
}
