package fr.mel.opale.web.organisation;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class OrganisationPagesPostgisTest extends OrganisationPagesContract {
}
