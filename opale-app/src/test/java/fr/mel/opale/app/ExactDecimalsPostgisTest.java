package fr.mel.opale.app;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class ExactDecimalsPostgisTest extends ExactDecimalsContract {
}
