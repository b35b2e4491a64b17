package fr.mel.opale.access.oidc;

import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.identity.ExternalIdentities;
import fr.mel.opale.access.identity.ExternalLoginListener;
import fr.mel.opale.access.internal.Audit;
import fr.mel.opale.access.internal.LocalAuthentication;
import fr.mel.opale.access.internal.PersonStore;
import fr.mel.opale.access.internal.Throttles;
import fr.mel.opale.access.mail.MailOutbox;
import java.util.List;
import fr.mel.opale.access.passkey.Passkeys;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The OpenID Connect sign-in's parts, with plain constructors. */
@Configuration(proxyBeanMethods = false)
class OidcConfiguration {
    @Bean
    ProviderRegistrations providerRegistrations(Environment environment) {
        return new ProviderRegistrations(OidcSettings.from(environment), environment.getProperty("opale.public-url"));
    }

    /** A bean: Spring's OIDC login provider asks the context for the ID token decoders. */
    @Bean
    ProviderJwtDecoders providerJwtDecoders() {
        return new ProviderJwtDecoders();
    }

    @Bean
    ProviderSignIn providerSignIn(ProviderRegistrations registrations, PersonStore people,
                                  ExternalIdentities identities, Audit audit, PlatformTransactionManager transactions,
                                  ObjectProvider<ExternalLoginListener> listeners) {
        return new ProviderSignIn(registrations, people, identities, audit, new TransactionTemplate(transactions),
                listeners.orderedStream().toList());
    }

    @Bean
    OidcLogin oidcLogin(ProviderRegistrations registrations, ProviderJwtDecoders decoders, ProviderSignIn signIn,
                        Audit audit) {
        return new OidcLogin(registrations, decoders, new ProviderLoginOutcomes(signIn, new ProviderSessions(), audit));
    }

    @Bean
    SignInProviders signInProviders(ProviderRegistrations registrations) {
        return new SignInProviders(registrations);
    }

    @Bean
    AccountLinking accountLinking(PersonStore people, ExternalIdentities identities, LocalAuthentication passwords,
                                  ProviderSignIn signIn, AccessPolicy policy, Audit audit,
                                  PlatformTransactionManager transactions, MailOutbox mail, Throttles throttles,
                                  Passkeys passkeys,
                                  @Value("${opale.public-url:http://localhost:8080}") String publicUrl) {
        return new AccountLinking(people, identities, passwords, new ProviderSessions(), signIn, policy, audit,
                new TransactionTemplate(transactions), mail, throttles, passkeys, publicUrl);
    }
}
