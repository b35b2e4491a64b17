package fr.mel.opale.ingest.aggregate;

import fr.mel.opale.testing.OnH2;

@OnH2
class AggregateApiH2Test extends AggregateApiContract {
}
