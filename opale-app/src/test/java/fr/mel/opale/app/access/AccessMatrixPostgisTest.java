package fr.mel.opale.app.access;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class AccessMatrixPostgisTest extends AccessMatrixContract {
}
