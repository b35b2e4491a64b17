package fr.mel.opale.ogcapi.records;

import fr.mel.opale.testing.OnH2;

@OnH2
class RecordsH2Test extends RecordsContract {
}
