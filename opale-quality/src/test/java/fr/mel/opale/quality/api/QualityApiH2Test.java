package fr.mel.opale.quality.api;

import fr.mel.opale.testing.OnH2;

@OnH2
class QualityApiH2Test extends QualityApiContract {
}
