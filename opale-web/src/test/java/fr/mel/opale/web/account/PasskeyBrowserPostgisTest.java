package fr.mel.opale.web.account;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class PasskeyBrowserPostgisTest extends PasskeyBrowserContract {
}
