package fr.mel.opale.quality.internal;

import fr.mel.opale.quality.rules.DefaultRules;
import fr.mel.opale.quality.rules.InvalidRuleSet;
import fr.mel.opale.quality.rules.QualityScorer;
import fr.mel.opale.quality.rules.RuleSet;
import fr.mel.opale.quality.rules.RuleSetReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the rule set, once, at start: the file named by {@code opale.quality.rules} ({@code OPALE_QUALITY_RULES}),
 * which must then exist; else {@code <opale.data.dir>/quality-rules.yml} when present; else the default set in the
 * JAR. A file that is present but invalid stops the start ({@link InvalidRuleSet}): never a silent default.
 */
@Configuration(proxyBeanMethods = false)
class RuleSetLoader {
    static final String FILE_NAME = "quality-rules.yml";
    private static final Logger LOG = LoggerFactory.getLogger(RuleSetLoader.class);

    @Bean
    RuleSet qualityRuleSet(@Value("${opale.quality.rules:}") String configured,
                           @Value("${opale.data.dir:}") String dataDir) {
        RuleSet rules = load(configured, dataDir);
        LOG.info("Règles qualité : {} ({} règles, empreinte {})", rules.source(), rules.rules().size(),
                rules.fingerprint().substring(0, 12));
        return rules;
    }

    @Bean
    QualityScorer qualityScorer(RuleSet qualityRuleSet) {
        return new QualityScorer(qualityRuleSet);
    }

    static RuleSet load(@Nullable String configured, @Nullable String dataDir) {
        if (configured != null && !configured.isBlank()) {
            Path file = Path.of(configured.strip()).toAbsolutePath().normalize();
            if (!Files.isRegularFile(file)) {
                throw new InvalidRuleSet(file.toString(), 1, null,
                        "fichier introuvable (désigné par opale.quality.rules / OPALE_QUALITY_RULES)");
            }
            return read(file);
        }
        if (dataDir != null && !dataDir.isBlank()) {
            Path file = Path.of(dataDir.strip()).resolve(FILE_NAME).toAbsolutePath().normalize();
            if (Files.isRegularFile(file)) {
                return read(file);
            }
        }
        return DefaultRules.load();
    }

    private static RuleSet read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return RuleSetReader.read(file.toString(), text);
        } catch (CharacterCodingException e) {
            throw new InvalidRuleSet(file.toString(), 1, null, "le fichier doit être encodé en UTF-8");
        } catch (IOException e) {
            throw new InvalidRuleSet(file.toString(), 1, null, "lecture impossible : " + e.getMessage());
        }
    }
}
