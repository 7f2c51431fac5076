package fr.relais.hub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Entry point of the hub. Features live in sibling packages, one per capability. */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class RelaisApplication {
    public static void main(String[] args) {
        SpringApplication.run(RelaisApplication.class, args);
    }
}
