package fr.mel.opale.catalog;

import fr.mel.opale.testing.OnH2;

@OnH2
class RecordEnricherH2Test extends RecordEnricherContract {
}
