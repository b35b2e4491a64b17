package fr.mel.opale.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@link OnKeycloak}'s condition. Conditions are evaluated before the test instance exists, whatever its lifecycle,
 * so a missing Keycloak skips the class before Spring tries to build a context pointing at it.
 */
final class KeycloakCondition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        KeycloakServer.Availability availability = KeycloakServer.availability();
        return availability.missing() != null
                ? ConditionEvaluationResult.disabled(availability.missing())
                : ConditionEvaluationResult.enabled("Keycloak sur " + availability.server().url());
    }
}
