package fr.mel.opale.access.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rules of new passwords, against the shipped list of common passwords. */
class PasswordRulesTest {
    private final PasswordRules rules = new PasswordRules();

    @Test
    void theListOfCommonPasswordsIsLoadedWhole() {
        assertThat(rules.listSize()).isBetween(29_000, 30_000);
    }

    @Test
    void shortCommonOrIdentityPasswordsAreRefused() {
        assertThat(rules.problem("court", null, null)).hasValue("password-too-short");
        assertThat(rules.problem("ééééééééééé", null, null)).as("11 characters").hasValue("password-too-short");
        assertThat(rules.problem("x".repeat(257), null, null)).hasValue("password-too-long");
        assertThat(rules.problem("1qaz2wsx3edc", null, null)).as("on the list").hasValue("password-common");
        assertThat(rules.problem("QWERTY123456", null, null)).as("any case").hasValue("password-common");
        assertThat(rules.problem("abababababab", null, null)).as("two characters").hasValue("password-common");
        assertThat(rules.problem("anne.martin@exemple.fr", "Anne.Martin@exemple.fr", "Anne"))
                .hasValue("password-like-identity");
        assertThat(rules.problem("anne.martin.lille", "anne.martin.lille@exemple.fr", null))
                .hasValue("password-like-identity");
        assertThat(rules.problem("Jean-Baptiste Dupont", null, "jean-baptiste dupont"))
                .hasValue("password-like-identity");
    }

    @Test
    void aLongUncommonPasswordIsAccepted() {
        assertThat(rules.problem("cheval agrafe batterie correcte", "anne@exemple.fr", "Anne")).isEmpty();
        assertThat(rules.problem("Fête-des-Allumoirs-2026", null, null)).isEmpty();
    }
}
