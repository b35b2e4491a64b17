package fr.mel.opale.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class only with the shared {@link KeycloakServer} up: started or reached before anything of the class
 * runs (before a Spring context is built, so {@code @DynamicPropertySource} methods can read its issuers), skipped
 * with the reason when Keycloak or its Java is missing, failing instead when {@code OPALE_REQUIRE_KEYCLOAK=true} or
 * when Keycloak fails to start.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(KeycloakCondition.class)
public @interface OnKeycloak {
}
