package fr.mel.opale.access.organisation;

import fr.mel.opale.testing.OnH2;

@OnH2
class ClaimMembershipsH2Test extends ClaimMembershipsContract {
}
