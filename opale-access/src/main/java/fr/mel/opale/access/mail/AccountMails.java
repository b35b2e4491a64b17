package fr.mel.opale.access.mail;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders {@link AccountMail}s in French or English, as plain text and HTML, from {@code i18n/mails*.properties}.
 *
 * <p>The templates live here, in opale-access, rather than as jte templates in opale-web: the account flows that
 * send them are this module's and are tested here with a real SMTP server, and a mail is a few sentences and a link,
 * which a message bundle and a fixed HTML frame say well. opale-access may not depend on opale-web, and a port
 * implemented there would leave this module unable to send a mail in its own tests.
 */
public final class AccountMails {
    private static final String BUNDLE = "i18n/mails";

    private AccountMails() {
    }

    /**
     * @param language {@code en} for English, anything else French
     * @param name     the person's display name
     * @param link     the single-use link, for mails that have one; else null
     */
    public static RenderedMail render(AccountMail mail, String language, String to, String name,
                                      @Nullable String link) {
        Locale locale = "en".equals(language) ? Locale.ENGLISH : Locale.FRENCH;
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
        String subject = new MessageFormat(texts.getString(mail.key() + ".subject"), locale).format(new Object[] {name});
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(new MessageFormat(texts.getString("greeting"), locale).format(new Object[] {name}));
        for (String paragraph : texts.getString(mail.key() + ".body").split("\\n\\s*\\n")) {
            paragraphs.add(new MessageFormat(paragraph.strip(), locale).format(new Object[] {name}));
        }
        String signature = texts.getString("signature");
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage())
                .append("\"><head><meta charset=\"utf-8\"><title>").append(escape(subject))
                .append("</title></head><body style=\"font-family:sans-serif;line-height:1.5;color:#1e1e1e\">");
        for (String paragraph : paragraphs) {
            text.append(paragraph).append("\n\n");
            html.append("<p>").append(escape(paragraph)).append("</p>");
        }
        if (mail.hasLink() && link != null) {
            String action = texts.getString(mail.key() + ".action");
            text.append(action).append(" :\n").append(link).append("\n\n");
            html.append("<p><a href=\"").append(escape(link)).append("\" style=\"display:inline-block;padding:.6em 1em;"
                    + "background:#003d7a;color:#fff;text-decoration:none;border-radius:4px\">").append(escape(action))
                    .append("</a></p><p style=\"font-size:.9em;color:#555\">").append(escape(texts.getString("linkHint")))
                    .append("<br>").append(escape(link)).append("</p>");
        }
        text.append("-- \n").append(signature).append('\n');
        html.append("<p style=\"font-size:.9em;color:#555\">").append(escape(signature)).append("</p></body></html>");
        return new RenderedMail(to, subject, text.toString(), html.toString());
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
