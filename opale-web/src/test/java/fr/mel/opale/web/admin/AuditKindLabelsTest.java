package fr.mel.opale.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import fr.mel.opale.access.admin.AuditKind;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every kind of audit entry has its label in French and English: the audit log page ({@code admin/audit.jte})
 * translates each entry's kind, and a kind added in opale-access without its label would break the page.
 */
class AuditKindLabelsTest {
    @Test
    void everyAuditKindIsLabelledInBothLanguages() throws Exception {
        for (String bundle : new String[] {"i18n/web.properties", "i18n/web_en.properties"}) {
            Properties labels = new Properties();
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(bundle)) {
                labels.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (AuditKind kind : AuditKind.values()) {
                assertThat(labels.getProperty("admin.audit.kind." + kind.name())).as(bundle + " " + kind)
                        .isNotBlank();
            }
        }
    }
}
