package fr.mel.opale.data;

import fr.mel.opale.testing.OnH2;

@OnH2
class AggregatesH2Test extends AggregatesContract {
}
