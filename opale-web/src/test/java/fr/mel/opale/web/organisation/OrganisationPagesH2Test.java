package fr.mel.opale.web.organisation;

import fr.mel.opale.testing.OnH2;

@OnH2
class OrganisationPagesH2Test extends OrganisationPagesContract {
}
