package fr.mel.opale.thesaurus.api;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class ThesaurusApiPostgisTest extends ThesaurusApiContract {
}
