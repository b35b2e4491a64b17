package fr.mel.opale.web.ogcapi;

import fr.mel.opale.testing.OnH2;

@OnH2
class OgcPagesH2Test extends OgcPagesContract {
}
