package fr.mel.opale.access.organisation;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class ClaimMembershipsPostgisTest extends ClaimMembershipsContract {
}
