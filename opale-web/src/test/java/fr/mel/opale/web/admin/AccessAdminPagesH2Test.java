package fr.mel.opale.web.admin;

import fr.mel.opale.testing.OnH2;

@OnH2
class AccessAdminPagesH2Test extends AccessAdminPagesContract {
}
