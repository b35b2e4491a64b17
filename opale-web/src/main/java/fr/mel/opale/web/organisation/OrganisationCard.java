package fr.mel.opale.web.organisation;

import fr.mel.opale.web.catalogue.OrganisationLink;
import org.jspecify.annotations.Nullable;

/**
 * One organisation in the list, with what the viewer may see of it.
 *
 * @param logo         an http(s) address (checked when it was set), null when none
 * @param records      the records the viewer may read that it owns
 * @param averageScore their mean metadata quality score, null when none is scored (or none is visible)
 */
public record OrganisationCard(String slug, String name, @Nullable String logo, long records,
                        @Nullable Integer averageScore) {
    public String url() {
        return OrganisationLink.path(slug);
    }
}
