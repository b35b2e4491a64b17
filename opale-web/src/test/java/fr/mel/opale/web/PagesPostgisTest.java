package fr.mel.opale.web;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class PagesPostgisTest extends PagesContract {
}
