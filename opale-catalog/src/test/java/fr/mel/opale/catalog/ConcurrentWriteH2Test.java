package fr.mel.opale.catalog;

import fr.mel.opale.testing.OnH2;

@OnH2
class ConcurrentWriteH2Test extends ConcurrentWriteContract {
}
