package fr.mel.opale.web.account;

import fr.mel.opale.testing.OnH2;

@OnH2
class AccountPagesH2Test extends AccountPagesContract {
}
