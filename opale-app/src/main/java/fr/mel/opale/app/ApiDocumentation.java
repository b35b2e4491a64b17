package fr.mel.opale.app;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The description heading the OpenAPI document at {@code /api/openapi.json}. */
@Configuration
class ApiDocumentation {
    @Bean
    OpenAPI opaleOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("API Opale")
                        .version("1")
                        .description("API de la plateforme de données ouvertes de la Métropole Européenne de Lille. "
                                + "Lecture publique ; écriture réservée aux comptes habilités (HTTP Basic). "
                                + "Les erreurs suivent la RFC 9457 (application/problem+json).")
                        .license(new License().name("Licence Ouverte 2.0")
                                .url("https://www.etalab.gouv.fr/licence-ouverte-open-licence/")))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
    }
}
