package fr.mel.opale.thesaurus.api;

import fr.mel.opale.testing.OnH2;

@OnH2
class EnrichmentH2Test extends EnrichmentContract {
}
