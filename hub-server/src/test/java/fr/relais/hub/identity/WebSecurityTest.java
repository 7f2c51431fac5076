package fr.relais.hub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.relais.hub.support.Api;
import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.World;
import fr.relais.sdk.stomp.StompClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Web security of local accounts: Origin check, throttling, headers, CORS, TOTP, invitations, resets, audit. */
@HubIntegrationTest
class WebSecurityTest {
    @LocalServerPort
    int port;
    World world;
    Api api;

    @BeforeEach
    void world() {
        world = World.on(port);
        api = world.api;
    }

    @Test
    void a_websocket_handshake_from_a_foreign_origin_is_refused() throws Exception {
        String token = world.token("bruno");
        var foreign = StompClient.connect(api.ws(), Map.of("Authorization", "Bearer " + token), Map.of("Origin", "https://evil.example"));
        assertThatThrownBy(() -> foreign.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);

        StompClient own = StompClient.connect(api.ws(), Map.of("Authorization", "Bearer " + token),
                Map.of("Origin", "http://localhost:8080")).get(10, TimeUnit.SECONDS);
        assertThat(own.isOpen()).isTrue();
        own.close();
    }

    @Test
    void a_brute_force_loop_gets_throttled_and_the_account_locked_out() {
        Personas.Person target = Personas.create(world, "cible", "29", "MEMBER");
        int throttledAt = -1;
        Api.Response last = null;
        for (int attempt = 1; attempt <= 20; attempt++) {
            last = api.post("/api/v1/auth/token", null, Map.of("username", target.username(), "password", "guess-number-" + attempt));
            if (last.status() == 429) {
                throttledAt = attempt;
                break;
            }
            assertThat(last.status()).isEqualTo(401);
        }
        assertThat(throttledAt).as("throttled after the configured 5 failures").isEqualTo(6);
        assertThat(last.contentType()).startsWith("application/problem+json");
        assertThat(last.json().get("code").asString()).isEqualTo("rate_limited");
        // Even the right password waits now: the account is locked out, not just slowed.
        assertThat(api.post("/api/v1/auth/token", null, Map.of("username", target.username(), "password", World.PASSWORD)).status())
                .isEqualTo(429);
        List<String> types = api.get("/api/v1/audit?userId=&type=login.throttled", world.token("admin")).json()
                .valueStream().map(e -> e.get("details").get("username").asString()).toList();
        assertThat(types).contains(target.username());
    }

    @Test
    void throttled_answers_carry_retry_after() throws Exception {
        Personas.Person target = Personas.create(world, "cible2", "29", "MEMBER");
        HttpResponse<String> response = null;
        for (int i = 0; i < 7; i++) {
            response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + target.username() + "\",\"password\":\"nope-nope-nope\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    }

    @Test
    void pages_carry_security_headers_and_cors_is_off() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/federations"))
                .header("Origin", "https://evil.example").build(), HttpResponse.BodyHandlers.ofString());
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "frame-src 'self'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("X-Frame-Options")).contains("DENY");
        assertThat(page.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();

        HttpResponse<String> preflight = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void two_factor_login_needs_the_current_code_once_enabled() {
        Personas.Person careful = Personas.create(world, "prudente", "29", "MEMBER");
        assertThat(api.get("/api/v1/me/totp", careful.token()).json().get("enabled").asBoolean()).isFalse();
        JsonNode enrolment = api.post("/api/v1/me/totp", careful.token(), Map.of()).json();
        String secret = enrolment.get("secret").asString();
        assertThat(enrolment.get("otpauthUri").asString()).startsWith("otpauth://totp/Relais:" + careful.username());
        assertThat(api.post("/api/v1/me/totp/confirm", careful.token(), Map.of("code", "000000")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/me/totp/confirm", careful.token(), Map.of("code", Totp.code(secret, Instant.now()))).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me/totp", careful.token()).json().get("enabled").asBoolean()).isTrue();

        Api.Response withoutCode = api.post("/api/v1/auth/token", null, Map.of("username", careful.username(), "password", World.PASSWORD));
        assertThat(withoutCode.status()).isEqualTo(401);
        assertThat(withoutCode.json().get("code").asString()).isEqualTo("totp_required");
        assertThat(api.post("/api/v1/auth/token", null, Map.of("username", careful.username(), "password", World.PASSWORD,
                "totp", "123456".equals(Totp.code(secret, Instant.now())) ? "654321" : "123456")).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/token", null, Map.of("username", careful.username(), "password", World.PASSWORD,
                "totp", Totp.code(secret, Instant.now()))).status()).isEqualTo(200);
    }

    @Test
    void a_coordinator_invites_into_their_own_federation_only_and_a_link_works_once() {
        String alice = world.token("alice");
        assertThat(api.post("/api/v1/invitations", alice, Map.of("federation", "75", "roles", List.of("MEMBER"))).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/invitations", alice, Map.of("roles", List.of("NATIONAL_ADMIN"))).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/invitations", world.token("bruno"), Map.of("roles", List.of("MEMBER"))).status()).isEqualTo(403);

        JsonNode invitation = api.post("/api/v1/invitations", alice, Map.of("roles", List.of("SYMPATHISANT"))).json();
        String link = invitation.get("token").asString();
        assertThat(invitation.get("federation").asString()).isEqualTo("29");
        assertThat(api.get("/api/v1/auth/invitation?token=" + Api.q(link), null).json().get("roles").get(0).asString()).isEqualTo("SYMPATHISANT");

        String username = "invitee-" + System.nanoTime() % 100000;
        assertThat(api.post("/api/v1/auth/invitation", null, Map.of("token", link, "username", username,
                "displayName", "Invité", "password", "1234567890")).json().get("code").asString()).isEqualTo("weak_password");
        Api.Response accepted = api.post("/api/v1/auth/invitation", null, Map.of("token", link, "username", username,
                "displayName", "Invité", "password", World.PASSWORD));
        assertThat(accepted.status()).isEqualTo(201);
        assertThat(accepted.json().get("federation").asString()).isEqualTo("29");
        assertThat(accepted.json().get("roles").get(0).asString()).isEqualTo("SYMPATHISANT");
        Api.Response again = api.post("/api/v1/auth/invitation", null, Map.of("token", link, "username", username + "b",
                "displayName", "Deux", "password", World.PASSWORD));
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.json().get("code").asString()).isEqualTo("invitation_invalid");
        // A sympathisant sees only what they are invited to: not even their federation's channel.
        String token = api.token(username, World.PASSWORD);
        assertThat(api.get("/api/v1/channels/fed-29/messages", token).status()).isEqualTo(404);
    }

    @Test
    void an_admin_password_reset_link_sets_a_new_password_once_and_ends_every_session() {
        Personas.Person forgetful = Personas.create(world, "oublieux", "29", "MEMBER");
        assertThat(api.post("/api/v1/users/" + forgetful.id() + "/password-reset", world.token("alice"), Map.of()).status()).isEqualTo(403);
        String link = api.post("/api/v1/users/" + forgetful.id() + "/password-reset", world.token("admin"), Map.of())
                .json().get("token").asString();
        assertThat(api.post("/api/v1/auth/password-reset", null, Map.of("token", link, "password", "un-tout-nouveau-mot")).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me", forgetful.token()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/password-reset", null, Map.of("token", link, "password", "encore-un-autre-mot")).status())
                .isEqualTo(410);
        assertThat(api.token(forgetful.username(), "un-tout-nouveau-mot")).isNotBlank();
    }

    @Test
    void only_national_admins_read_the_audit_log_and_it_records_role_changes() {
        Personas.Person promoted = Personas.create(world, "promu", "29", "MEMBER");
        assertThat(api.put("/api/v1/users/" + promoted.id() + "/roles", world.token("admin"),
                Map.of("roles", List.of("FEDERATION_COORDINATOR"), "federation", "29")).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/audit", world.token("alice")).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/audit", world.token("hq-bob")).status()).isEqualTo(403);
        JsonNode entries = api.get("/api/v1/audit?type=user.roles_changed&userId=" + promoted.id(), world.token("admin")).json();
        assertThat(entries.size()).isEqualTo(1);
        assertThat(entries.get(0).get("details").get("before").asString()).isEqualTo("MEMBER");
        assertThat(entries.get(0).get("details").get("after").asString()).isEqualTo("FEDERATION_COORDINATOR");
        assertThat(api.get("/api/v1/audit?type=login.succeeded&userId=" + promoted.id(), world.token("admin")).json().size()).isPositive();
    }
}
