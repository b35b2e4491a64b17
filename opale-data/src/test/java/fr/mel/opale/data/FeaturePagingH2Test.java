package fr.mel.opale.data;

import fr.mel.opale.testing.OnH2;

@OnH2
class FeaturePagingH2Test extends FeaturePagingContract {
}
