package fr.mel.opale.access.token;

import fr.mel.opale.testing.OnH2;

@OnH2
class ApiTokensH2Test extends ApiTokensContract {
}
