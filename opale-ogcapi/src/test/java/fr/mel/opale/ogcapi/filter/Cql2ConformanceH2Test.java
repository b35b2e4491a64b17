package fr.mel.opale.ogcapi.filter;

import fr.mel.opale.testing.OnH2;

@OnH2
class Cql2ConformanceH2Test extends Cql2ConformanceContract {
}
