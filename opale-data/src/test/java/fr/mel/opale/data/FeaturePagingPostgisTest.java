package fr.mel.opale.data;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class FeaturePagingPostgisTest extends FeaturePagingContract {
}
