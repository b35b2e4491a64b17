package fr.mel.opale.app;

import fr.mel.opale.testing.OnH2;

@OnH2
class SettingsH2Test extends SettingsContract {
}
