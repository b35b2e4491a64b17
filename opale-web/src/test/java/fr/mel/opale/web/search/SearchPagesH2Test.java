package fr.mel.opale.web.search;

import fr.mel.opale.testing.OnH2;

@OnH2
class SearchPagesH2Test extends SearchPagesContract {
}
