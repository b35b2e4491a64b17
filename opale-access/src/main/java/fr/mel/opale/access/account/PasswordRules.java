package fr.mel.opale.access.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: {@value #MIN_LENGTH} to {@value #MAX_LENGTH} characters, not one of the 30 000 most
 * common passwords, and not the person's email or name. The list is zxcvbn's ({@code passwords.txt} of
 * {@code com.nulab-inc:zxcvbn}, MIT licence; the most frequent passwords of public breach corpora), loaded once at
 * start into a hash set, compared in lower case. Thread-safe.
 */
@Component
public class PasswordRules {
    public static final int MIN_LENGTH = 12;
    /** Far above any real password; bounds the hashing work an attacker can ask for. */
    public static final int MAX_LENGTH = 256;
    static final String LIST = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    private final Set<String> common;

    PasswordRules() {
        this.common = load();
    }

    /** How many passwords the list refuses (30 000). */
    public int listSize() {
        return common.size();
    }

    /**
     * The code of the first rule {@code password} breaks ({@code password-too-short}, {@code password-too-long},
     * {@code password-common}, {@code password-like-identity}); empty when it is acceptable.
     */
    public Optional<String> problem(String password, @Nullable String email, @Nullable String displayName) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("password-too-short");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("password-too-long");
        }
        String lower = password.strip().toLowerCase(Locale.ROOT);
        if (common.contains(lower) || lower.chars().distinct().count() <= 2) {
            return Optional.of("password-common");
        }
        if (sameAs(lower, email) || sameAs(lower, displayName)
                || (email != null && sameAs(lower, email.substring(0, Math.max(0, email.indexOf('@')))))) {
            return Optional.of("password-like-identity");
        }
        return Optional.empty();
    }

    private static boolean sameAs(String lowerPassword, @Nullable String other) {
        return other != null && !other.isBlank() && lowerPassword.equals(other.strip().toLowerCase(Locale.ROOT));
    }

    private static Set<String> load() {
        try (InputStream in = PasswordRules.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("Liste des mots de passe courants absente du classpath : " + LIST);
            }
            Set<String> words = new HashSet<>(40_000);
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    if (!line.isBlank()) {
                        words.add(line.strip().toLowerCase(Locale.ROOT));
                    }
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
