package fr.mel.opale.ingest.job;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class IngestApiPostgisTest extends IngestApiContract {
}
