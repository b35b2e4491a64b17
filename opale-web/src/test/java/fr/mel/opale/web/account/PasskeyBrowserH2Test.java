package fr.mel.opale.web.account;

import fr.mel.opale.testing.OnH2;

@OnH2
class PasskeyBrowserH2Test extends PasskeyBrowserContract {
}
