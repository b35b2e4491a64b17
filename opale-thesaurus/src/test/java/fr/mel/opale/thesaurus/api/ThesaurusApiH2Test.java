package fr.mel.opale.thesaurus.api;

import fr.mel.opale.testing.OnH2;

@OnH2
class ThesaurusApiH2Test extends ThesaurusApiContract {
}
