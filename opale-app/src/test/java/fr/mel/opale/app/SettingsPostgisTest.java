package fr.mel.opale.app;

import fr.mel.opale.testing.OnPostgis;

@OnPostgis
class SettingsPostgisTest extends SettingsContract {
}
