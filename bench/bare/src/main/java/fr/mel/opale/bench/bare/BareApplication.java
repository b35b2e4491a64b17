package fr.mel.opale.bench.bare;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reference of {@code bench/startup.sh}: what any Spring Boot web application with a health endpoint costs to
 * start on this machine, so Opale's figures can be read as a ratio to it rather than as absolute seconds that depend
 * on what else the machine runs.
 */
@SpringBootApplication
@RestController
public class BareApplication {
    public static void main(String[] args) {
        SpringApplication.run(BareApplication.class, args);
    }

    @GetMapping("/")
    String hello() {
        return "bare";
    }
}
