package fr.mel.opale.ingest.aggregate;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class AggregateApiPostgisTest extends AggregateApiContract {
}
