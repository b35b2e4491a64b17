package fr.mel.opale.ingest.job;

import fr.mel.opale.testing.OnH2;

@OnH2
class ReadOnceTablesH2Test extends ReadOnceTablesContract {
}
