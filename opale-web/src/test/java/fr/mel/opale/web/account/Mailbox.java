package fr.mel.opale.web.account;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server in the test's process (GreenMail) on a free port of the loopback, and what tests read of the
 * mails it received: by recipient, their plain text and HTML parts, their single-use link.
 */
final class Mailbox {
    private static final Pattern LINK = Pattern.compile("(https?://\\S+?\\?jeton=([A-Za-z0-9_-]+))");

    final int port = freePort();
    final GreenMailExtension server = new GreenMailExtension(new ServerSetup(port, "127.0.0.1",
            ServerSetup.PROTOCOL_SMTP)).withPerMethodLifecycle(false);

    /** The mails received so far for {@code to}. */
    List<MimeMessage> to(String to) {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                if (Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(a -> a.toString().equalsIgnoreCase(to))) {
                    found.add(message);
                }
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** Waits up to 15 s for the {@code n}th mail to {@code to} (1-based) and returns it. */
    MimeMessage await(String to, int n) throws InterruptedException {
        long end = System.currentTimeMillis() + 15_000;
        while (to(to).size() < n && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
        assertThat(to(to)).as("mails to " + to).hasSizeGreaterThanOrEqualTo(n);
        return to(to).get(n - 1);
    }

    /** The part of {@code mime} type ({@code text/plain}, {@code text/html}), decoded. */
    static String part(Part message, String mime) throws Exception {
        if (message.isMimeType(mime)) {
            return (String) message.getContent();
        }
        if (message.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = part(body, mime);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The link's secret in the mail's text. */
    static String token(MimeMessage message) throws Exception {
        Matcher link = LINK.matcher(part(message, "text/plain"));
        assertThat(link.find()).as("a link in the mail").isTrue();
        return link.group(2);
    }

    /** The link's path and query ({@code /inscription/confirmation?jeton=…}). */
    static String path(MimeMessage message) throws Exception {
        Matcher link = LINK.matcher(part(message, "text/plain"));
        assertThat(link.find()).as("a link in the mail").isTrue();
        return java.net.URI.create(link.group(1)).getRawPath() + "?" + java.net.URI.create(link.group(1)).getRawQuery();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
