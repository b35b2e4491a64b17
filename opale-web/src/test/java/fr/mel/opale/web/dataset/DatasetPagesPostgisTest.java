package fr.mel.opale.web.dataset;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class DatasetPagesPostgisTest extends DatasetPagesContract {
}
