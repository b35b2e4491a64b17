package fr.mel.opale.web.dataset;

import fr.mel.opale.testing.OnH2;

@OnH2
class DatasetPagesH2Test extends DatasetPagesContract {
}
