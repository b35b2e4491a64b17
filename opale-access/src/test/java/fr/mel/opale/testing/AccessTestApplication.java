package fr.mel.opale.testing;

import fr.mel.opale.access.AccessDenied;
import fr.mel.opale.access.AccessPolicy;
import fr.mel.opale.access.Viewer;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The access module booted alone for its own tests, plus one administrators-only endpoint to authenticate against.
 * It lives outside {@code fr.mel.opale.access} on purpose: this test-jar is on every module's test classpath, and
 * their test applications scan {@code fr.mel.opale.access}, where a second {@code @SpringBootApplication} would be
 * picked up.
 */
@SpringBootApplication(scanBasePackages = "fr.mel.opale.access")
@EnableJpaRepositories(basePackages = "fr.mel.opale.access")
@EntityScan(basePackages = "fr.mel.opale.access")
@Import(AccessTestApplication.AdminProbe.class)
public class AccessTestApplication {
    /** {@code GET /api/essai/admin}: the viewer's name for platform administrators, the policy's 401/403 otherwise. */
    @RestController
    static class AdminProbe {
        private final AccessPolicy policy;

        AdminProbe(AccessPolicy policy) {
            this.policy = policy;
        }

        @GetMapping("/api/essai/admin")
        Map<String, String> admin() {
            Viewer viewer = policy.currentViewer();
            if (!viewer.platformAdmin()) {
                throw new AccessDenied(viewer);
            }
            return Map.of("username", viewer.username());
        }
    }
}
