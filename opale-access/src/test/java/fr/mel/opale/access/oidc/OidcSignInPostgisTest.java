package fr.mel.opale.access.oidc;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class OidcSignInPostgisTest extends OidcSignInContract {
}
