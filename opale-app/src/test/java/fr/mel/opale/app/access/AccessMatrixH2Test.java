package fr.mel.opale.app.access;

import fr.mel.opale.testing.OnH2;

@OnH2
class AccessMatrixH2Test extends AccessMatrixContract {
}
