package fr.mel.opale.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;

/**
 * Starts Opale: {@code java -jar opale.jar}. With {@code -Dopale.startup.steps=true} the start records its steps (bean
 * creations, runners...) for {@code /actuator/startup} (expose it with
 * {@code --management.endpoints.web.exposure.include=health,startup}): what to look at when the start gets slower.
 * Off by default, as it keeps thousands of steps in memory.
 */
@SpringBootApplication(scanBasePackages = "fr.mel.opale")
public class OpaleApplication {
    public static void main(String[] args) {
        DataDirectory.prepare(args);
        SpringApplication application = new SpringApplication(OpaleApplication.class);
        if (Boolean.getBoolean("opale.startup.steps")) {
            application.setApplicationStartup(new BufferingApplicationStartup(20_000));
        }
        application.run(args);
    }
}
