package fr.mel.opale.ogcapi.tiles;

import fr.mel.opale.testing.OnH2;

@OnH2
class TilesH2Test extends TilesContract {
}
