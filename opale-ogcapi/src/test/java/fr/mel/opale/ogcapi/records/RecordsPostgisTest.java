package fr.mel.opale.ogcapi.records;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class RecordsPostgisTest extends RecordsContract {
}
