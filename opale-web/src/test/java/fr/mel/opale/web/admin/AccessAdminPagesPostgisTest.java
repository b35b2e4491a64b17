package fr.mel.opale.web.admin;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class AccessAdminPagesPostgisTest extends AccessAdminPagesContract {
}
