package fr.relais.hub.bots;

import fr.relais.hub.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import fr.relais.hub.support.Api;
import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.LiveClient;
import fr.relais.hub.support.World;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Incoming webhooks (valid and invalid signatures, oversized and malformed bodies, idempotent ids, urgent
 * alerts) and outgoing webhooks (signed deliveries, retries with back-off on a clock the test moves,
 * failure shown to the bot's owner) against a tiny HTTP server started here.
 */
@HubIntegrationTest
@Import(MutableClock.Config.class)
@TestPropertySource(properties = {"relais.bots.webhook-sweep-every=1h", "relais.bots.webhook-first-retry=PT1M",
        "relais.bots.webhook-max-attempts=3", "relais.security.token-ttl=3650d"})
class WebhookTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    OutgoingWebhooks outgoing;
    World world;
    Api api;
    HttpServer receiver;
    final List<Map<String, String>> received = new CopyOnWriteArrayList<>();
    final AtomicInteger failuresLeft = new AtomicInteger();

    @BeforeEach
    void setUp() throws IOException {
        world = World.on(port);
        api = world.api;
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Map.of("body", body, "signature", String.valueOf(exchange.getRequestHeaders().getFirst("X-Relais-Signature"))));
            int status = failuresLeft.getAndDecrement() > 0 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void incoming_alerts_are_posted_only_when_signed_well_formed_and_small() throws Exception {
        JsonNode bot = Bots.create(world, "alertes", List.of("fed-29"), false).get("bot");
        JsonNode hook = ok(api.post("/api/v1/bots/" + bot.get("id").asString() + "/incoming-webhooks", world.token("admin"),
                Map.of("channelId", "fed-29", "name", "Communiqués")));
        String url = "http://localhost:" + port + hook.get("url").asString();
        String secret = hook.get("secret").asString();
        int before = count("fed-29");

        String body = "{\"title\":\"Communiqué\",\"text\":\"Le bureau national s'est réuni\",\"link\":\"https://parti.example/c/1\",\"id\":\"c-1\"}";
        HttpResponse<String> good = send(url, body, WebhookSignature.sign(secret, bytes(body)));
        assertThat(good.statusCode()).isEqualTo(201);
        assertThat(send(url, body, WebhookSignature.sign(secret, bytes(body))).statusCode()).isEqualTo(201); // same id: same message
        JsonNode posted = api.get("/api/v1/messages/" + Api.JSON.readTree(good.body()).get("messageId").asString(), world.token("alice")).json();
        assertThat(posted.get("author").get("bot").asBoolean()).isTrue();
        assertThat(posted.get("text").asString()).contains("**Communiqué**").contains("<https://parti.example/c/1>");
        assertThat(count("fed-29")).isEqualTo(before + 1);

        HttpResponse<String> forged = send(url, body, WebhookSignature.sign("whsec_wrong", bytes(body)));
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(forged.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(Api.JSON.readTree(forged.body()).get("code").asString()).isEqualTo("webhook_signature_invalid");
        assertThat(send(url, body, null).statusCode()).isEqualTo(401);
        String tampered = body.replace("réuni", "dissous");
        assertThat(send(url, tampered, WebhookSignature.sign(secret, bytes(body))).statusCode()).isEqualTo(401);
        assertThat(send("http://localhost:" + port + "/hooks/in/nope", body, WebhookSignature.sign(secret, bytes(body))).statusCode()).isEqualTo(401);

        String huge = "{\"text\":\"" + "x".repeat(20_000) + "\"}";
        HttpResponse<String> tooLarge = send(url, huge, WebhookSignature.sign(secret, bytes(huge)));
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(Api.JSON.readTree(tooLarge.body()).get("code").asString()).isEqualTo("payload_too_large");
        String malformed = "{\"text\": \"oops\"";
        HttpResponse<String> bad = send(url, malformed, WebhookSignature.sign(secret, bytes(malformed)));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Api.JSON.readTree(bad.body()).get("code").asString()).isEqualTo("malformed_json");
        String empty = "{\"link\":\"https://parti.example\"}";
        assertThat(send(url, empty, WebhookSignature.sign(secret, bytes(empty))).statusCode()).isEqualTo(400);
        assertThat(count("fed-29")).isEqualTo(before + 1);

        String urgent = "{\"text\":\"Rassemblement devant la préfecture à 18h\",\"level\":\"urgent\"}";
        HttpResponse<String> alert = send(url, urgent, WebhookSignature.sign(secret, bytes(urgent)));
        JsonNode urgentMessage = api.get("/api/v1/messages/" + Api.JSON.readTree(alert.body()).get("messageId").asString(), world.token("alice")).json();
        assertThat(urgentMessage.get("mentionsChannel").asBoolean()).isTrue();
    }

    @Test
    void outgoing_deliveries_are_signed_retried_with_back_off_and_failures_reach_the_owner() {
        JsonNode bot = Bots.create(world, "sortant", List.of("fed-29"), false).get("bot");
        String botId = bot.get("id").asString();
        String admin = world.token("admin");
        JsonNode hook = ok(api.post("/api/v1/bots/" + botId + "/outgoing-webhooks", admin, Map.of("channelId", "fed-29",
                "triggerWords", List.of("alerte"), "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")));
        String hookId = hook.get("id").asString();
        String secret = hook.get("secret").asString();
        String deliveries = "/api/v1/bots/" + botId + "/outgoing-webhooks/" + hookId + "/deliveries";

        failuresLeft.set(1);
        ok(api.post("/api/v1/channels/fed-29/messages", world.token("alice"), Map.of("text", "Bonjour à tous")));
        ok(api.post("/api/v1/channels/fed-29/messages", world.token("alice"), Map.of("text", "alerte coupure réseau au local")));
        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 1);
        Map<String, String> first = received.getFirst();
        assertThat(WebhookSignature.verify(secret, bytes(first.get("body")), first.get("signature"))).isTrue();
        assertThat(Api.JSON.readTree(first.get("body")).get("message").get("text").asString()).contains("coupure réseau");
        JsonNode pending = ok(api.get(deliveries, admin)).get(0);
        assertThat(pending.get("status").asString()).isEqualTo("PENDING");
        assertThat(pending.get("lastError").asString()).isEqualTo("HTTP 500");

        assertThat(outgoing.sweep()).isZero(); // not before the back-off
        clock.advance(Duration.ofMinutes(1));
        assertThat(outgoing.sweep()).isEqualTo(1);
        assertThat(received).hasSize(2);
        JsonNode delivered = ok(api.get(deliveries, admin)).get(0);
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.get("attempts").asInt()).isEqualTo(2);

        // A receiver that keeps failing: 3 attempts (1 min, then 2 min apart), then FAILED and the owner is told.
        try (LiveClient owner = LiveClient.connect(api.ws(), admin)) {
            failuresLeft.set(100);
            ok(api.post("/api/v1/channels/fed-29/messages", world.token("bruno"), Map.of("text", "Alerte inondation")));
            await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
            clock.advance(Duration.ofMinutes(1));
            outgoing.sweep();
            clock.advance(Duration.ofMinutes(2));
            outgoing.sweep();
            JsonNode failed = owner.awaitEvent("/user/queue/events", e -> "webhook.failed".equals(e.path("type").asString()));
            assertThat(failed.get("webhookId").asString()).isEqualTo(hookId);
            assertThat(failed.get("attempts").asInt()).isEqualTo(3);
        }
        assertThat(ok(api.get(deliveries + "?status=FAILED", admin))).hasSize(1);
        assertThat(received).hasSize(5);
    }

    private int count(String channelId) {
        return api.get("/api/v1/channels/" + channelId + "/messages?limit=200", world.token("alice")).json().size();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> send(String url, String body, String signature) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) r.header("X-Relais-Signature", signature);
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(Api.Response r) {
        if (r.status() / 100 != 2) throw new AssertionError("unexpected answer: " + r);
        return r.json();
    }
}
