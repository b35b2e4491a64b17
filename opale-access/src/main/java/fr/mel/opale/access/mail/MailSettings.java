package fr.mel.opale.access.mail;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The SMTP server account mails leave through ({@code opale.mail.*}, i.e. {@code OPALE_MAIL_HOST},
 * {@code OPALE_MAIL_PORT}, {@code OPALE_MAIL_USERNAME}, {@code OPALE_MAIL_PASSWORD}, {@code OPALE_MAIL_FROM}).
 * Without a host no mail leaves, and sign-up by email is off.
 *
 * @param host     the SMTP server; blank: no mail
 * @param port     25 when absent (587 for submission is common: say so)
 * @param username with {@code password}, SMTP authentication; blank: none
 * @param from     the sender, e.g. {@code Opale <ne-pas-repondre@lillemetropole.fr>}; required with a host
 */
@ConfigurationProperties("opale.mail")
public record MailSettings(@Nullable String host, @Nullable Integer port, @Nullable String username,
                           @Nullable String password, @Nullable String from) {
    public MailSettings {
        host = host == null ? "" : host.strip();
        port = port == null ? 25 : port;
        username = username == null ? "" : username.strip();
        password = password == null ? "" : password;
        from = from == null ? "" : from.strip();
    }

    /** Whether mails can leave at all. */
    public boolean configured() {
        return !host.isEmpty();
    }

    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password.isEmpty() ? "" : "***") + ", from=" + from + "]";
    }
}
