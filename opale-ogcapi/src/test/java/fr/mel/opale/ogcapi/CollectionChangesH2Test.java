package fr.mel.opale.ogcapi;

import fr.mel.opale.testing.OnH2;

@OnH2
class CollectionChangesH2Test extends CollectionChangesContract {
}
