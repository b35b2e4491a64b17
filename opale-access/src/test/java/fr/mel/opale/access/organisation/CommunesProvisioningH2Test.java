package fr.mel.opale.access.organisation;

import fr.mel.opale.testing.OnH2;

@OnH2
class CommunesProvisioningH2Test extends CommunesProvisioningContract {
}
