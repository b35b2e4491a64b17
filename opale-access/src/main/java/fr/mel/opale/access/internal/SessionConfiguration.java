package fr.mel.opale.access.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * Browser sessions in the database (Spring Session JDBC, tables {@code SPRING_SESSION*} created by our migrations,
 * never by Spring Session itself): they survive a restart, work the same on H2 and PostgreSQL, and are indexed by
 * person so that "Mon compte" can list and end them and disabling an account ends them all.
 *
 * <p>The cookie {@value #COOKIE}: {@code HttpOnly}, {@code SameSite=Lax}, {@code Secure} when the public address
 * ({@code opale.public-url}) is https, path {@code /}. Its value is a random id; the session itself stays on the
 * server, so a tampered cookie is merely an unknown session. Sessions idle for {@code opale.sessions.idle-timeout}
 * (8 hours) end.
 */
@Configuration(proxyBeanMethods = false)
@EnableJdbcHttpSession
class SessionConfiguration {
    static final String COOKIE = "opale_session";

    @Bean
    CookieSerializer cookieSerializer(@Value("${opale.public-url:http://localhost:8080}") String publicUrl) {
        DefaultCookieSerializer cookie = new DefaultCookieSerializer();
        cookie.setCookieName(COOKIE);
        cookie.setCookiePath("/");
        cookie.setUseHttpOnlyCookie(true);
        cookie.setSameSite("Lax");
        cookie.setUseSecureCookie(publicUrl.strip().startsWith("https:"));
        return new SessionIdsOnly(cookie);
    }

    /**
     * Reads only cookie values shaped like the session ids Spring Session makes (random UUIDs): anything else — a
     * tampered cookie, bytes a database would choke on — is no session at all, never a query.
     */
    record SessionIdsOnly(CookieSerializer cookie) implements CookieSerializer {
        private static final Pattern SESSION_ID =
                Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        @Override
        public void writeCookieValue(CookieValue value) {
            cookie.writeCookieValue(value);
        }

        @Override
        public List<String> readCookieValues(HttpServletRequest request) {
            return cookie.readCookieValues(request).stream().filter(id -> SESSION_ID.matcher(id).matches()).toList();
        }
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTimeout(
            @Value("${opale.sessions.idle-timeout:8h}") Duration idleTimeout) {
        return repository -> {
            repository.setDefaultMaxInactiveInterval(idleTimeout);
            repository.setCleanupCron("0 * * * * *");
        };
    }
}
