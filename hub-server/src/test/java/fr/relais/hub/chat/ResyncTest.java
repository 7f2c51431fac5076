package fr.relais.hub.chat;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.hub.support.Api;
import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.LiveClient;
import fr.relais.hub.support.World;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A client that drops off and comes back catches up on everything it missed — new messages and
 * edits, reactions and deletes of older ones — with no gap and no duplicate, even while others keep
 * posting during its reconnection. The replayed state must equal a fresh load.
 */
@HubIntegrationTest
class ResyncTest {
    @LocalServerPort
    int port;

    /** What a client keeps: events by seq (a second copy of a seq is a duplicate), message states by id. */
    static final class ClientState {
        final TreeMap<Long, JsonNode> bySeq = new TreeMap<>();
        final Map<String, JsonNode> messages = new HashMap<>();
        final java.util.Set<Long> seenLive = new java.util.HashSet<>();
        final java.util.Set<Long> seenFetched = new java.util.HashSet<>();
        int liveDuplicates;
        int fetchedDuplicates;

        synchronized void live(JsonNode event) {
            if (!event.has("seq")) return; // typing and other unnumbered events
            if (!seenLive.add(event.get("seq").asLong())) liveDuplicates++;
            apply(event);
        }

        synchronized void fetched(JsonNode event) {
            if (!seenFetched.add(event.get("seq").asLong())) fetchedDuplicates++;
            apply(event);
        }

        /** The same seq from the live stream and the catch-up call is one event: applied once. */
        private void apply(JsonNode event) {
            if (bySeq.putIfAbsent(event.get("seq").asLong(), event) == null) messages.put(event.get("id").asString(), event);
        }

        synchronized long lastSeq() {
            return bySeq.isEmpty() ? 0 : bySeq.lastKey();
        }
    }

    @Test
    void a_reconnecting_client_catches_up_without_gaps_or_duplicates() {
        World world = World.on(port);
        Api api = world.api;
        String channel = "fed-29";
        String alice = world.token("alice");
        long startSeq = lastSeq(api, alice, channel);
        ClientState bruno = new ClientState();

        List<String> ids = new ArrayList<>();
        try (LiveClient live = LiveClient.connect(api.ws(), world.token("bruno"))) {
            LiveClient.join(live.stomp.subscribeWithReceipt("/topic/channels." + channel, f -> bruno.live(Api.JSON.readTree(f.body()))));
            for (int i = 1; i <= 3; i++) ids.add(post(api, alice, channel, "avant la coupure " + i));
            org.awaitility.Awaitility.await().until(() -> bruno.messages.size() == 3);
        }
        long seenBeforeDrop = bruno.lastSeq();

        // While Bruno is offline: new messages, and changes to messages he already has.
        ids.add(post(api, alice, channel, "pendant la coupure 1"));
        ids.add(post(api, alice, channel, "pendant la coupure 2"));
        assertThat(api.patch("/api/v1/messages/" + ids.get(0), alice, Map.of("text", "avant la coupure 1 (corrigé)")).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/messages/" + ids.get(1) + "/reactions/" + Api.q("🔥"), world.token("hq-bob"), Map.of()).status()).isEqualTo(200);
        assertThat(api.delete("/api/v1/messages/" + ids.get(2), alice).status()).isEqualTo(200);

        // Bruno reconnects while Alice keeps posting from another thread.
        Thread talker = new Thread(() -> {
            for (int i = 1; i <= 20; i++) post(api, alice, channel, "pendant la reconnexion " + i);
        });
        talker.start();
        try (LiveClient live = LiveClient.connect(api.ws(), world.token("bruno"))) {
            // 1. subscribe and wait for the receipt: from now on every event reaches us live;
            LiveClient.join(live.stomp.subscribeWithReceipt("/topic/channels." + channel, f -> bruno.live(Api.JSON.readTree(f.body()))));
            // 2. then fetch what happened since the last seq we saw, page by page.
            long after = seenBeforeDrop;
            while (true) {
                JsonNode page = api.get("/api/v1/channels/" + channel + "/events?limit=7&afterSeq=" + after, world.token("bruno")).json();
                page.get("events").forEach(bruno::fetched);
                after = page.get("lastSeq").asLong();
                if (!page.get("hasMore").asBoolean()) break;
            }
            join(talker);
            long expectedLast = lastSeq(api, alice, channel);
            org.awaitility.Awaitility.await().until(() -> bruno.lastSeq() == expectedLast);

            synchronized (bruno) {
                assertThat(bruno.liveDuplicates).as("events delivered twice live").isZero();
                assertThat(bruno.fetchedDuplicates).as("events returned twice by catch-up pages").isZero();
                List<Long> seqs = new ArrayList<>(bruno.bySeq.keySet());
                for (long s = startSeq + 1; s <= expectedLast; s++) assertThat(seqs).as("seq %d missing", s).contains(s);
                assertThat(seqs).hasSize((int) (expectedLast - startSeq));
            }
            Map<String, JsonNode> fresh = new HashMap<>();
            api.get("/api/v1/channels/" + channel + "/messages?includeReplies=true&limit=200&afterSeq=" + startSeq, alice).json()
                    .forEach(m -> fresh.put(m.get("id").asString(), m));
            assertThat(bruno.messages.keySet()).isEqualTo(fresh.keySet());
            fresh.forEach((id, m) -> {
                JsonNode replayed = bruno.messages.get(id);
                assertThat(replayed.get("text").asString()).as("text of %s", id).isEqualTo(m.get("text").asString());
                assertThat(replayed.get("deleted").asBoolean()).isEqualTo(m.get("deleted").asBoolean());
                assertThat(replayed.get("reactions")).isEqualTo(m.get("reactions"));
            });
            assertThat(bruno.messages.get(ids.get(0)).get("text").asString()).isEqualTo("avant la coupure 1 (corrigé)");
            assertThat(bruno.messages.get(ids.get(2)).get("deleted").asBoolean()).isTrue();
        }
    }

    private static String post(Api api, String token, String channel, String text) {
        Api.Response r = api.post("/api/v1/channels/" + channel + "/messages", token,
                Map.of("text", text, "clientMessageId", UUID.randomUUID().toString()));
        if (r.status() != 201) throw new AssertionError(r.toString());
        return r.json().get("id").asString();
    }

    private static long lastSeq(Api api, String token, String channel) {
        for (JsonNode c : api.get("/api/v1/channels", token).json()) {
            if (c.get("id").asString().equals(channel)) return c.get("lastSeq").asLong();
        }
        throw new AssertionError("no channel " + channel);
    }

    private static void join(Thread t) {
        try {
            t.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
