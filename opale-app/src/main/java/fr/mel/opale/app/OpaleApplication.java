package fr.mel.opale.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/** Starts Opale: {@code java -jar opale.jar}. */
@SpringBootApplication(scanBasePackages = "fr.mel.opale")
@EnableJpaRepositories(basePackages = "fr.mel.opale")
@EntityScan(basePackages = "fr.mel.opale")
public class OpaleApplication {
    public static void main(String[] args) {
        DataDirectory.prepare(args);
        SpringApplication.run(OpaleApplication.class, args);
    }
}
