package fr.mel.opale.web;

import fr.mel.opale.testing.OnH2;

@OnH2
class PagesH2Test extends PagesContract {
}
