package fr.mel.opale.quality.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The rule set shipped in the JAR ({@code quality/default-rules.yml}): what Opale scores with unless configured. */
public final class DefaultRules {
    public static final String RESOURCE = "quality/default-rules.yml";

    private DefaultRules() {
    }

    public static RuleSet load() {
        try (InputStream in = DefaultRules.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Règles qualité par défaut absentes du classpath : " + RESOURCE);
            }
            return RuleSetReader.read("classpath:" + RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
