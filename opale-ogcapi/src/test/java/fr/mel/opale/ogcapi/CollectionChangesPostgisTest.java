package fr.mel.opale.ogcapi;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class CollectionChangesPostgisTest extends CollectionChangesContract {
}
