package fr.mel.opale.quality.api;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class QualityApiPostgisTest extends QualityApiContract {
}
