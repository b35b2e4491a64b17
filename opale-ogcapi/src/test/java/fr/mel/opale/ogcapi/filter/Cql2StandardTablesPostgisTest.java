package fr.mel.opale.ogcapi.filter;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class Cql2StandardTablesPostgisTest extends Cql2StandardTablesContract {
}
