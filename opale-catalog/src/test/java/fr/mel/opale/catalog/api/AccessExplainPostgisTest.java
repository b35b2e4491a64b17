package fr.mel.opale.catalog.api;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class AccessExplainPostgisTest extends AccessExplainContract {
}
