package fr.mel.opale.catalog;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class ConcurrentWritePostgisTest extends ConcurrentWriteContract {
}
