package fr.mel.opale.access.mail;

/**
 * A mail ready to send: the same text as plain text and as HTML.
 *
 * @param to   one address
 * @param html every value in it escaped
 */
public record RenderedMail(String to, String subject, String text, String html) {
    @Override
    public String toString() {
        // the bodies may carry a single-use link: never in a log
        return "RenderedMail[subject=" + subject + "]";
    }
}
