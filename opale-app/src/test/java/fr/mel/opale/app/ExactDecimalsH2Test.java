package fr.mel.opale.app;

import fr.mel.opale.testing.OnH2;

@OnH2
class ExactDecimalsH2Test extends ExactDecimalsContract {
}
