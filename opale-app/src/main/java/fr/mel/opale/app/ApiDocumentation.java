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
                                + "Lecture publique ; écriture et données fermées réservées aux comptes habilités, "
                                + "par jeton personnel (Authorization: Bearer opale_…, créé sur /api/tokens ou la page "
                                + "Jetons d'accès du compte) ou HTTP Basic. "
                                + "Les erreurs suivent la RFC 9457 (application/problem+json).")
                        .license(new License().name("Licence Ouverte 2.0")
                                .url("https://www.etalab.gouv.fr/licence-ouverte-open-licence/")))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("Jeton personnel opale_… (voir /api/tokens)"))
                        .addSecuritySchemes("basic",
                                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
    }
}
