package fr.mel.opale.ogcapi.tiles;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class TilesPostgisTest extends TilesContract {
}
