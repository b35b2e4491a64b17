package fr.mel.opale.web.organisation;

import fr.mel.opale.web.catalogue.OrganisationLink;
import org.jspecify.annotations.Nullable;

/**
 * An organisation's page head: who it is, where it belongs, and the quality of what the viewer may see of it.
 *
 * @param descriptionHtml its presentation rendered from Markdown (sanitised); empty when it has none
 * @param parent          the organisation it belongs to, null at the top
 */
public record OrganisationProfile(OrganisationCard card, String descriptionHtml, @Nullable OrganisationLink parent) {
}
