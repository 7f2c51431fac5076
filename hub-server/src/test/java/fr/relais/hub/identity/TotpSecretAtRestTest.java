package fr.relais.hub.identity;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import fr.relais.hub.support.Api;
import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.World;
import java.time.Instant;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * TOTP secrets are stored sealed (read back here with the MongoDB driver, as a database dump would show
 * them), logins with a code still work, and a secret left in clear by an older hub still works and is
 * sealed at its first successful use.
 */
@HubIntegrationTest
class TotpSecretAtRestTest {
    @LocalServerPort
    int port;
    @Autowired
    MongoDatabase database;
    World world;
    Api api;

    @BeforeEach
    void world() {
        world = World.on(port);
        api = world.api;
    }

    @Test
    void the_secret_is_sealed_in_the_database_and_logins_with_a_code_work() {
        Personas.Person person = Personas.create(world, "discrete", "29", "MEMBER");
        String secret = api.post("/api/v1/me/totp", person.token(), Map.of()).json().get("secret").asString();
        assertThat(storedUser(person).toJson()).as("pending enrolment").doesNotContain(secret);

        assertThat(api.post("/api/v1/me/totp/confirm", person.token(), Map.of("code", Totp.code(secret, Instant.now())))
                .status()).isEqualTo(204);

        Document totp = storedUser(person).get("totp", Document.class);
        assertThat(totp.getBoolean("enabled")).isTrue();
        assertThat(totp.getString("secret")).startsWith("v1:").doesNotContain(secret);
        assertThat(storedUser(person).toJson()).doesNotContain(secret);
        assertThat(login(person, Totp.code(secret, Instant.now())).status()).isEqualTo(200);
        assertThat(login(person, wrongCode(secret)).status()).isEqualTo(401);
    }

    @Test
    void a_secret_stored_in_clear_by_an_older_hub_still_works_and_is_sealed_at_its_first_use() {
        Personas.Person person = Personas.create(world, "ancienne", "29", "MEMBER");
        String secret = Totp.newSecret();
        database.getCollection("users").updateOne(eq("_id", person.id()),
                Updates.set("totp", new Document("secret", secret).append("enabled", true)));

        assertThat(login(person, null).json().get("code").asString()).isEqualTo("totp_required");
        assertThat(login(person, wrongCode(secret)).status()).isEqualTo(401);
        assertThat(storedUser(person).get("totp", Document.class).getString("secret"))
                .as("a wrong code changes nothing").isEqualTo(secret);

        assertThat(login(person, Totp.code(secret, Instant.now())).status()).isEqualTo(200);
        Document totp = storedUser(person).get("totp", Document.class);
        assertThat(totp.getString("secret")).startsWith("v1:").doesNotContain(secret);
        assertThat(totp.getBoolean("enabled")).isTrue();
        assertThat(login(person, Totp.code(secret, Instant.now())).status()).as("the sealed secret works").isEqualTo(200);
    }

    private Api.Response login(Personas.Person person, String code) {
        Map<String, String> body = code == null ? Map.of("username", person.username(), "password", World.PASSWORD)
                : Map.of("username", person.username(), "password", World.PASSWORD, "totp", code);
        return api.post("/api/v1/auth/token", null, body);
    }

    private Document storedUser(Personas.Person person) {
        return database.getCollection("users").find(eq("_id", person.id())).first();
    }

    /** A code that is not valid now (nor one step either side). */
    private static String wrongCode(String secret) {
        Instant now = Instant.now();
        for (int candidate = 0; ; candidate++) {
            String code = String.format("%06d", candidate);
            if (!Totp.verify(secret, code, now) && !Totp.verify(secret, code, now.plusSeconds(30))) return code;
        }
    }
}
