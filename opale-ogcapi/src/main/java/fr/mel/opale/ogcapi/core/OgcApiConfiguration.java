package fr.mel.opale.ogcapi.core;

import fr.mel.opale.ogcapi.OgcApiSettings;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OgcApiSettings.class)
class OgcApiConfiguration {
}
