package fr.mel.opale.access.token;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class ApiTokensPostgisTest extends ApiTokensContract {
}
