package fr.mel.opale.access.token;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds of personal API tokens ({@code opale.tokens.*}).
 *
 * @param defaultDays   lifetime of a token whose creator does not say; 365, never above {@code maxDays}
 * @param maxDays       longest lifetime a creator may ask for; 365. Every token expires: a forgotten token in an old
 *                      script stops working on its own
 * @param maxPerAccount tokens an account may hold at once (neither revoked nor expired); 20
 */
@ConfigurationProperties("opale.tokens")
public record TokenSettings(@Nullable Integer defaultDays, @Nullable Integer maxDays, @Nullable Integer maxPerAccount) {
    public TokenSettings {
        maxDays = maxDays == null || maxDays < 1 ? 365 : maxDays;
        defaultDays = defaultDays == null || defaultDays < 1 ? Math.min(365, maxDays) : Math.min(defaultDays, maxDays);
        maxPerAccount = maxPerAccount == null || maxPerAccount < 1 ? 20 : maxPerAccount;
    }
}
