package fr.mel.opale.access.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Mails in French and English, as text and as escaped HTML, with their link. */
class AccountMailsTest {
    private static final String LINK = "https://opale.example/inscription/confirmation?jeton=abc_123&x=<1>";

    @Test
    void aVerificationMailInFrenchCarriesTheLinkInBothForms() {
        RenderedMail mail = AccountMails.render(AccountMail.VERIFY, "fr", "anne@exemple.fr", "Anne <b>", LINK);
        assertThat(mail.subject()).isEqualTo("Confirmez votre adresse pour activer votre compte Opale");
        assertThat(mail.text()).startsWith("Bonjour Anne <b>,").contains("valable 24 heures")
                .contains("Confirmer mon adresse :\n" + LINK).contains("n'êtes pas");
        assertThat(mail.html()).contains("<html lang=\"fr\">").contains("Bonjour Anne &lt;b&gt;,")
                .contains("href=\"https://opale.example/inscription/confirmation?jeton=abc_123&amp;x=&lt;1&gt;\"")
                .doesNotContain("<b>");
        assertThat(mail.toString()).doesNotContain("jeton");
    }

    @Test
    void englishSpeakersGetEnglishAndNoticesHaveNoLink() {
        RenderedMail mail = AccountMails.render(AccountMail.RESET, "en", "bob@example.org", "Bob", LINK);
        assertThat(mail.subject()).isEqualTo("Choose a new Opale password");
        assertThat(mail.text()).startsWith("Hello Bob,").contains("valid for 1 hour").contains(LINK);
        RenderedMail notice = AccountMails.render(AccountMail.EMAIL_CHANGED, "en", "bob@example.org", "Bob", null);
        assertThat(notice.text()).contains("Opale's messages").doesNotContain("http");
        assertThat(notice.html()).doesNotContain("href");
    }
}
