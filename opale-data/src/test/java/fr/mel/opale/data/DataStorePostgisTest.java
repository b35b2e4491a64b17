package fr.mel.opale.data;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class DataStorePostgisTest extends DataStoreContract {
}
