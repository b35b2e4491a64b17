package fr.mel.opale.access.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends account mails through the SMTP server of {@link MailSettings}, in the background: one thread, at most
 * {@value #QUEUE} mails waiting (beyond, a mail is dropped with a warning). Sending in the background keeps the
 * answers of sign-up and reset equally fast whether a mail leaves or not, so their timing tells nothing. STARTTLS is
 * used when the server offers it. Without a configured host nothing is sent ({@link #enabled()} is false).
 *
 * <p>Logs name the kind of mail and never its body (which may carry a single-use link) nor the password.
 */
@Component
@EnableConfigurationProperties(MailSettings.class)
public class MailOutbox implements DisposableBean {
    static final int QUEUE = 200;
    private static final Logger LOG = LoggerFactory.getLogger(MailOutbox.class);

    private final MailSettings settings;
    private final @Nullable JavaMailSenderImpl sender;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "opale-courriels");
                thread.setDaemon(true);
                return thread;
            });

    MailOutbox(MailSettings settings) {
        this.settings = settings;
        this.sender = settings.configured() ? sender(settings) : null;
        if (settings.configured() && settings.from().isEmpty()) {
            throw new IllegalStateException("OPALE_MAIL_FROM (opale.mail.from) est obligatoire avec OPALE_MAIL_HOST : "
                    + "l'adresse d'expédition des courriels");
        }
        if (sender == null) {
            LOG.info("Aucun serveur SMTP (OPALE_MAIL_HOST) : pas de courriels, inscription par courriel fermée");
        }
    }

    /** Whether mails leave: an SMTP host is configured. */
    public boolean enabled() {
        return sender != null;
    }

    /** Queues {@code mail}; returns at once. Does nothing when mails are off. */
    public void send(RenderedMail mail, String kind) {
        if (sender == null) {
            return;
        }
        try {
            worker.execute(() -> deliver(mail, kind));
        } catch (RejectedExecutionException full) {
            LOG.warn("Courriel « {} » abandonné : {} courriels attendent déjà", kind, QUEUE);
        }
    }

    private void deliver(RenderedMail mail, String kind) {
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(settings.from());
            helper.setTo(mail.to());
            helper.setSubject(mail.subject());
            helper.setText(mail.text(), mail.html());
            sender.send(message);
        } catch (MessagingException | MailException e) {
            LOG.warn("Courriel « {} » non envoyé ({}:{}) : {}", kind, settings.host(), settings.port(),
                    e.getClass().getSimpleName());
        }
    }

    private static JavaMailSenderImpl sender(MailSettings settings) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(settings.host());
        sender.setPort(settings.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        Properties properties = sender.getJavaMailProperties();
        if (!settings.username().isEmpty()) {
            sender.setUsername(settings.username());
            sender.setPassword(settings.password());
            properties.put("mail.smtp.auth", "true");
        }
        // STARTTLS whenever the server offers it (not required: a local relay may not offer it)
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.connectiontimeout", "10000");
        properties.put("mail.smtp.timeout", "20000");
        properties.put("mail.smtp.writetimeout", "20000");
        return sender;
    }

    /** Waits for the mails queued so far to leave (at most {@code millis}); for tests and shutdown. */
    public void drain(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while ((worker.getQueue().size() > 0 || worker.getActiveCount() > 0) && System.currentTimeMillis() < end) {
            Thread.sleep(20);
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
