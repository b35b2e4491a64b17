package fr.mel.opale.ingest.job;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class ReadOnceTablesPostgisTest extends ReadOnceTablesContract {
}
