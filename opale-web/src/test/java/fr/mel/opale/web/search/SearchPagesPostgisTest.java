package fr.mel.opale.web.search;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class SearchPagesPostgisTest extends SearchPagesContract {
}
