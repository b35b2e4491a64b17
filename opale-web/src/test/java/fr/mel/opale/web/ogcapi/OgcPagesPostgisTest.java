package fr.mel.opale.web.ogcapi;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class OgcPagesPostgisTest extends OgcPagesContract {
}
