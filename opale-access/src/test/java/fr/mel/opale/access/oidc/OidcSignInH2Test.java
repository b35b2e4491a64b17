package fr.mel.opale.access.oidc;

import fr.mel.opale.testing.OnH2;

@OnH2
class OidcSignInH2Test extends OidcSignInContract {
}
