package fr.mel.opale.search;

import fr.mel.opale.testing.OnH2;

@OnH2
class SearchCategoriesH2Test extends SearchCategoriesContract {
}
