package fr.mel.opale.catalog.api;

import fr.mel.opale.testing.OnH2;

@OnH2
class AccessExplainH2Test extends AccessExplainContract {
}
