package fr.mel.opale.search;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class SearchApiPostgisTest extends SearchApiContract {
}
