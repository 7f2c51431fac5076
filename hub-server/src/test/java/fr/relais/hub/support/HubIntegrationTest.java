package fr.relais.hub.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A real hub on a random port with the embedded MongoDB-wire store (in memory), reached only through
 * its public REST and STOMP contract. Tests with the same properties share one running hub.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "relais.mongo.embedded-in-memory=true",
        "relais.security.admin-password=" + World.ADMIN_PASSWORD,
        "relais.limits.sends-per-second=50",
        "relais.limits.sends-burst=100",
        "relais.security.rate-limits.login-attempts-per-minute=100000",
        "relais.security.rate-limits.posts-per-minute=100000",
        "relais.security.rate-limits.tokens-per-hour=100000",
})
public @interface HubIntegrationTest {
}
