package fr.relais.hub.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.relais.hub.support.Api;
import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.LiveClient;
import fr.relais.hub.support.World;
import fr.relais.sdk.stomp.StompFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Bad input next to good input: each gets a clear, coded error and never a stack trace; the
 * connection's other traffic and what was already stored are unaffected.
 */
@HubIntegrationTest
class BadInputTest {
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
    void malformed_json_is_refused_and_the_connection_goes_on() {
        try (LiveClient alice = LiveClient.connect(api.ws(), world.token("alice")).subscribeChannel("fed-29")) {
            alice.stomp.sendWithReceipt("/app/channels.fed-29.send", "{\"text\": \"oups");
            JsonNode error = alice.awaitError(e -> "malformed_json".equals(e.path("code").asString()));
            assertThat(error.get("message").asString()).doesNotContain("Exception").doesNotContain("tools.jackson");
            assertThat(error.get("receiptId").asString()).isNotBlank();

            String cid = UUID.randomUUID().toString();
            alice.sendAndAwaitReceipt("fed-29", "toujours là", cid);
            alice.awaitChannelEvent("fed-29", e -> cid.equals(e.path("clientMessageId").asString()));
        }
    }

    @Test
    void empty_and_too_long_texts_are_refused_with_their_codes() {
        try (LiveClient alice = LiveClient.connect(api.ws(), world.token("alice"))) {
            alice.stomp.send("/app/channels.fed-29.send", "{\"text\":\"   \",\"clientMessageId\":\"empty-1\"}");
            assertThat(alice.awaitError(e -> "empty-1".equals(e.path("clientMessageId").asString())).get("code").asString())
                    .isEqualTo("text_empty");
            String tooLong = "a".repeat(4001);
            alice.stomp.send("/app/channels.fed-29.send", "{\"text\":\"" + tooLong + "\",\"clientMessageId\":\"long-1\"}");
            assertThat(alice.awaitError(e -> "long-1".equals(e.path("clientMessageId").asString())).get("code").asString())
                    .isEqualTo("text_too_long");
        }
        Api.Response rest = api.post("/api/v1/channels/fed-29/messages", world.token("alice"), Map.of("text", ""));
        assertThat(rest.status()).isEqualTo(400);
        assertThat(rest.contentType()).startsWith("application/problem+json");
        assertThat(rest.json().get("code").asString()).isEqualTo("text_empty");
    }

    @Test
    void a_thread_id_from_another_channel_is_refused() {
        JsonNode elsewhere = api.post("/api/v1/channels/fed-75/messages", world.token("hq-bob"), Map.of("text", "Paris")).json();
        try (LiveClient bob = LiveClient.connect(api.ws(), world.token("hq-bob"))) {
            String body = Api.JSON.writeValueAsString(Map.of("text", "réponse égarée", "clientMessageId", "thread-x",
                    "threadId", elsewhere.get("id").asString()));
            bob.stomp.send("/app/channels.fed-29.send", body);
            assertThat(bob.awaitError(e -> "thread-x".equals(e.path("clientMessageId").asString())).get("code").asString())
                    .isEqualTo("invalid_thread");
        }
        Api.Response rest = api.post("/api/v1/channels/fed-29/messages", world.token("hq-bob"),
                Map.of("text", "réponse égarée", "threadId", "no-such-message"));
        assertThat(rest.json().get("code").asString()).isEqualTo("invalid_thread");
    }

    @Test
    void unknown_destinations_and_direct_sends_to_a_broker_topic_are_refused() {
        try (LiveClient alice = LiveClient.connect(api.ws(), world.token("alice")).subscribeChannel("fed-29");
             LiveClient bruno = LiveClient.connect(api.ws(), world.token("bruno")).subscribeChannel("fed-29")) {
            alice.stomp.send("/app/nowhere", "{}");
            alice.awaitError(e -> "unknown_destination".equals(e.path("code").asString()) && "/app/nowhere".equals(e.path("destination").asString()));
            // Publishing straight to the topic would bypass storage and authorisation.
            alice.stomp.send("/topic/channels.fed-29", "{\"type\":\"message.created\",\"text\":\"faux\"}");
            alice.awaitError(e -> "/topic/channels.fed-29".equals(e.path("destination").asString()));
            String cid = UUID.randomUUID().toString();
            alice.sendAndAwaitReceipt("fed-29", "vrai message", cid);
            bruno.awaitChannelEvent("fed-29", e -> cid.equals(e.path("clientMessageId").asString()));
            assertThat(bruno.channelEvents("fed-29")).noneSatisfy(e -> assertThat(e.path("text").asString()).isEqualTo("faux"));
        }
    }

    @Test
    void an_oversized_frame_gets_an_error_frame_and_other_connections_are_unaffected() {
        try (LiveClient alice = LiveClient.connect(api.ws(), world.token("alice"));
             LiveClient bruno = LiveClient.connect(api.ws(), world.token("bruno")).subscribeChannel("fed-29")) {
            String huge = "SEND\ndestination:/app/channels.fed-29.send\ncontent-type:application/json\n\n{\"text\":\""
                    + "x".repeat(70_000) + "\"}\u0000";
            alice.stomp.sendRaw(huge);
            LiveClient.join(alice.stomp.closed());
            assertThat(alice.stomp.errors()).singleElement().satisfies(f -> assertThat(f.header("code")).isEqualTo("frame_too_large"));

            String cid = UUID.randomUUID().toString();
            bruno.sendAndAwaitReceipt("fed-29", "la connexion de Bruno continue", cid);
            bruno.awaitChannelEvent("fed-29", e -> cid.equals(e.path("clientMessageId").asString()));
        }
    }

    @Test
    void a_frame_longer_than_the_socket_buffer_but_within_the_limit_is_accepted_whole() {
        try (LiveClient alice = LiveClient.connect(api.ws(), world.token("alice")).subscribeChannel("fed-29")) {
            String text = "é".repeat(1000) + "€".repeat(3000); // 4,000 characters, 11 KB in UTF-8: far more than the per-connection buffers (1 KiB read, 2 KiB WebSocket frame), so it travels in parts both ways
            String cid = UUID.randomUUID().toString();
            alice.sendAndAwaitReceipt("fed-29", text, cid);
            JsonNode seen = alice.awaitChannelEvent("fed-29", e -> cid.equals(e.path("clientMessageId").asString()));
            assertThat(seen.get("text").asString()).isEqualTo(text);
        }
    }

    @Test
    void a_flooding_connection_is_throttled_without_losing_what_it_was_told_was_stored() {
        try (LiveClient alice = LiveClient.connect(api.ws(), world.token("alice"))) {
            String prefix = "flood-" + UUID.randomUUID() + "-";
            AtomicInteger receipts = new AtomicInteger();
            List<CompletableFuture<StompFrame>> sent = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                String body = Api.JSON.writeValueAsString(Map.of("text", "message " + i, "clientMessageId", prefix + i));
                sent.add(alice.stomp.sendWithReceipt("/app/channels.fed-29.send", body).whenComplete((r, e) -> {
                    if (e == null) receipts.incrementAndGet();
                }));
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> receipts.get() + rateLimited(alice) == 300);
            assertThat(rateLimited(alice)).isPositive();
            assertThat(receipts.get()).isGreaterThanOrEqualTo(100);

            long stored = storedWithPrefix(prefix);
            assertThat(stored).isEqualTo(receipts.get());
            assertThat(alice.stomp.isOpen()).isTrue();
        }
    }

    private static long rateLimited(LiveClient client) {
        return client.errors().stream().filter(e -> "rate_limited".equals(e.path("code").asString())).count();
    }

    private long storedWithPrefix(String prefix) {
        long count = 0;
        long after = 0;
        while (true) {
            JsonNode page = api.get("/api/v1/channels/fed-29/events?limit=200&afterSeq=" + after, world.token("alice")).json();
            for (JsonNode e : page.get("events")) {
                if (e.get("type").asString().equals("message.created") && e.get("clientMessageId").asString().startsWith(prefix)) count++;
            }
            if (!page.get("hasMore").asBoolean()) return count;
            after = page.get("lastSeq").asLong();
        }
    }

    @Test
    void rest_errors_are_problem_json_without_internals() {
        Api.Response malformed = api.postRaw("/api/v1/channels/fed-29/messages", world.token("alice"), "{\"text\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("code").asString()).isEqualTo("malformed_json");
        Api.Response unauthenticated = api.get("/api/v1/channels", null);
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.json().get("code").asString()).isEqualTo("unauthenticated");
        Api.Response badLogin = api.post("/api/v1/auth/token", null, Map.of("username", "alice", "password", "wrong-password"));
        assertThat(badLogin.status()).isEqualTo(401);
        assertThat(badLogin.json().get("code").asString()).isEqualTo("bad_credentials");
        Api.Response notReadable = api.get("/api/v1/channels/fed-75/messages", world.token("bruno"));
        assertThat(notReadable.status()).isEqualTo(404);
        assertThat(notReadable.json().get("code").asString()).isEqualTo("channel_not_found");
        for (Api.Response r : List.of(malformed, unauthenticated, badLogin, notReadable)) {
            assertThat(r.body()).doesNotContain("Exception").doesNotContain("at fr.relais").doesNotContain("trace");
        }
    }
}
