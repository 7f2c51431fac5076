package fr.relais.hub.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.relais.hub.identity.UserDirectory;
import fr.relais.hub.support.Api;
import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.LiveClient;
import fr.relais.hub.support.World;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import fr.relais.sdk.stomp.StompFrame;
import org.springframework.beans.factory.annotation.Autowired;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A live session in a group run by alice, over real STOMP: banner, slow mode for members (not for the
 * moderator), reactions counted and broadcast in bulk, and the summary at the end.
 */
@HubIntegrationTest
class LiveSessionTest {
    @LocalServerPort
    int port;
    World world;
    Api api;
    @Autowired
    LiveSessions sessions;
    @Autowired
    LiveReactions reactions;
    @Autowired
    UserDirectory users;

    @BeforeEach
    void world() {
        world = World.on(port);
        api = world.api;
    }

    /** A private group created by alice (its moderator) with bruno and hq-bob; chloé is not in it. */
    String group() {
        Api.Response r = api.post("/api/v1/channels", world.token("alice"), Map.of("kind", "PRIVATE",
                "name", "Directs débat " + System.nanoTime(), "memberIds", List.of(world.id("bruno"), world.id("hq-bob"))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    static String send(String text, String cid) {
        return Api.JSON.writeValueAsString(Map.of("text", text, "clientMessageId", cid));
    }

    @Test
    void slow_mode_refuses_a_members_second_message_over_stomp_but_not_the_moderators() {
        String channel = group();
        try (LiveClient alice = LiveClient.connect(api.ws(), world.token("alice")).subscribeChannel(channel);
             LiveClient bruno = LiveClient.connect(api.ws(), world.token("bruno")).subscribeChannel(channel)
                     .subscribe(LiveTopic.of(channel))) {
            assertThat(api.post("/api/v1/channels/" + channel + "/live", world.token("bruno"),
                    Map.of("title", "Débat", "slowModeSeconds", 60)).status()).isEqualTo(403);
            Api.Response started = api.post("/api/v1/channels/" + channel + "/live", world.token("alice"),
                    Map.of("title", "Débat télévisé", "link", "https://tv.example.org/direct", "slowModeSeconds", 60));
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            assertThat(api.post("/api/v1/channels/" + channel + "/live", world.token("alice"), Map.of("title", "encore"))
                    .json().get("code").asString()).isEqualTo("already_live");

            JsonNode liveStarted = bruno.awaitEvent(LiveTopic.of(channel), e -> "live.started".equals(e.get("type").asString()));
            assertThat(liveStarted.get("session").get("title").asString()).isEqualTo("Débat télévisé");
            assertThat(liveStarted.get("session").get("slowModeSeconds").asInt()).isEqualTo(60);
            String bannerId = liveStarted.get("session").get("bannerMessageId").asString();
            JsonNode banner = api.get("/api/v1/messages/" + bannerId, world.token("bruno")).json();
            assertThat(banner.get("pinned").asBoolean()).isTrue();
            assertThat(banner.get("text").asString()).contains("Débat télévisé").contains("https://tv.example.org/direct");
            JsonNode state = api.get("/api/v1/channels/" + channel + "/live", world.token("bruno")).json();
            assertThat(state.get("live").asBoolean()).isTrue();
            assertThat(state.get("canModerate").asBoolean()).isFalse();
            assertThat(api.get("/api/v1/channels/" + channel + "/live", world.token("alice")).json().get("canModerate").asBoolean()).isTrue();

            String first = UUID.randomUUID().toString();
            bruno.sendAndAwaitReceipt(channel, "Premier !", first);
            String second = UUID.randomUUID().toString();
            bruno.stomp.sendWithReceipt("/app/channels." + channel + ".send", send("Deuxième, trop vite", second));
            JsonNode refused = bruno.awaitError(e -> second.equals(e.path("clientMessageId").asString()));
            assertThat(refused.get("code").asString()).isEqualTo("slow_mode");
            assertThat(refused.get("message").asString()).contains("60");
            assertThat(bruno.stomp.isOpen()).isTrue();
            // Resending the message already stored is not a second message: accepted, nothing new stored.
            bruno.sendAndAwaitReceipt(channel, "Premier !", first);
            // The same rule over REST.
            Api.Response viaRest = api.post("/api/v1/channels/" + channel + "/messages", world.token("bruno"), Map.of("text", "REST aussi"));
            assertThat(viaRest.status()).isEqualTo(429);
            assertThat(viaRest.json().get("code").asString()).isEqualTo("slow_mode");

            // The moderator is exempt.
            for (int i = 0; i < 3; i++) alice.sendAndAwaitReceipt(channel, "Consigne " + i, UUID.randomUUID().toString());

            List<JsonNode> texts = messages(channel);
            assertThat(texts).extracting(m -> m.get("text").asString())
                    .contains("Premier !", "Consigne 0", "Consigne 1", "Consigne 2")
                    .doesNotContain("Deuxième, trop vite", "REST aussi");
            assertThat(texts.stream().filter(m -> first.equals(m.get("clientMessageId").asString()))).hasSize(1);

            // Lifting slow mode lets bruno post again at once.
            assertThat(api.patch("/api/v1/channels/" + channel + "/live", world.token("alice"), Map.of("slowModeSeconds", 0)).status())
                    .isEqualTo(200);
            bruno.awaitEvent(LiveTopic.of(channel), e -> "live.updated".equals(e.get("type").asString()));
            bruno.sendAndAwaitReceipt(channel, "Merci", UUID.randomUUID().toString());
        } finally {
            api.delete("/api/v1/channels/" + channel + "/live", world.token("alice"));
        }
    }

    @Test
    void reactions_are_broadcast_in_aggregate_and_the_end_posts_a_summary_with_participation_figures() {
        String channel = group();
        try (LiveClient alice = LiveClient.connect(api.ws(), world.token("alice")).subscribeChannel(channel);
             LiveClient bruno = LiveClient.connect(api.ws(), world.token("bruno")).subscribe(LiveTopic.of(channel));
             LiveClient bob = LiveClient.connect(api.ws(), world.token("hq-bob"))) {
            assertThat(api.post("/api/v1/channels/" + channel + "/live", world.token("alice"), Map.of("title", "Meeting de Brest"))
                    .status()).isEqualTo(201);
            bruno.sendAndAwaitReceipt(channel, "Salle pleine !", UUID.randomUUID().toString());
            bob.sendAndAwaitReceipt(channel, "Le siège suit", UUID.randomUUID().toString());
            bob.sendAndAwaitReceipt(channel, "Belle intervention", UUID.randomUUID().toString());

            int burst = 40;
            for (int i = 0; i < burst; i++) {
                LiveClient who = i % 2 == 0 ? bruno : bob;
                who.stomp.send("/app/live." + channel + ".react", "{\"emoji\":\"👏\"}");
            }
            LiveClient.join(bob.stomp.sendWithReceipt("/app/live." + channel + ".react", "{\"emoji\":\"🔥\"}"));
            await().atMost(Duration.ofSeconds(10)).until(() -> bruno.events(LiveTopic.of(channel)).stream()
                    .filter(e -> "live.reactions".equals(e.get("type").asString()))
                    .anyMatch(e -> e.get("totals").path("👏").asLong() == burst && e.get("totals").path("🔥").asLong() == 1));
            List<JsonNode> aggregates = bruno.events(LiveTopic.of(channel)).stream()
                    .filter(e -> "live.reactions".equals(e.get("type").asString())).toList();
            assertThat(aggregates.size()).isLessThan(burst / 2); // counted in bulk, not one event per reaction
            assertThat(aggregates.getLast().get("reactors").asInt()).isEqualTo(2);

            // chloé may neither watch nor react
            try (LiveClient chloe = LiveClient.connect(api.ws(), world.token("chloe"))) {
                chloe.stomp.subscribe(LiveTopic.of(channel), f -> { });
                await().atMost(Duration.ofSeconds(10)).until(() -> !chloe.stomp.errors().isEmpty());
                assertThat(chloe.stomp.errors()).singleElement()
                        .satisfies(e -> assertThat(e.header("code")).isEqualTo("channel_not_found"));
            }
            assertThat(api.post("/api/v1/channels/" + channel + "/live/reactions", world.token("chloe"), Map.of("emoji", "👏"))
                    .status()).isEqualTo(404);
            assertThat(api.delete("/api/v1/channels/" + channel + "/live", world.token("bruno")).status()).isEqualTo(403);

            Api.Response ended = api.delete("/api/v1/channels/" + channel + "/live", world.token("alice"));
            assertThat(ended.status()).as(ended.body()).isEqualTo(200);
            JsonNode summary = ended.json();
            assertThat(summary.get("messages").asInt()).isEqualTo(3);
            assertThat(summary.get("participants").asInt()).isEqualTo(2);
            assertThat(summary.get("reactionTotal").asLong()).isEqualTo(burst + 1);
            assertThat(summary.get("reactors").asInt()).isEqualTo(2);

            JsonNode endedEvent = bruno.awaitEvent(LiveTopic.of(channel), e -> "live.ended".equals(e.get("type").asString()));
            assertThat(endedEvent.get("summary").get("messages").asInt()).isEqualTo(3);
            String summaryId = summary.get("summaryMessageId").asString();
            JsonNode posted = alice.awaitChannelEvent(channel, e -> summaryId.equals(e.path("id").asString()));
            assertThat(posted.get("text").asString()).contains("Fin du direct").contains("Meeting de Brest")
                    .contains("3 messages").contains("2 participants").contains(String.valueOf(burst + 1));
            assertThat(api.get("/api/v1/channels/" + channel + "/live", world.token("bruno")).json().get("live").asBoolean()).isFalse();
            assertThat(api.delete("/api/v1/channels/" + channel + "/live", world.token("alice")).json().get("code").asString())
                    .isEqualTo("live_session_not_found");
        }
    }

    @Test
    void a_reaction_sent_while_the_session_ends_is_counted_in_the_summary_or_refused_never_receipted_and_lost() {
        String channel = group();
        String react = "/app/live." + channel + ".react";
        try (LiveClient bob = LiveClient.connect(api.ws(), world.token("hq-bob"))) {
            assertThat(api.post("/api/v1/channels/" + channel + "/live", world.token("alice"), Map.of("title", "Clôture"))
                    .status()).isEqualTo(201);
            LiveClient.join(bob.stomp.sendWithReceipt(react, "{\"emoji\":\"👏\"}"));

            String receipt = "late-" + UUID.randomUUID();
            List<CompletableFuture<StompFrame>> late = new ArrayList<>();
            // The end, with a reaction arriving after its flush and before the session is removed.
            LiveSummary summary = sessions.end(users.require(world.id("alice")), channel, () -> {
                reactions.flush(channel);
                late.add(bob.stomp.sendWithReceipt(react, "{\"emoji\":\"🔥\"}", Map.of("receipt", receipt)));
                await().atMost(Duration.ofSeconds(10)).until(() -> late.getFirst().isDone()
                        || bob.errors().stream().anyMatch(e -> receipt.equals(e.path("receiptId").asString())));
            });
            reactions.flush(channel); // what the next scheduled flush would do

            if (late.getFirst().isDone()) {
                assertThat(summary.reactions()).containsEntry("🔥", 1L);
                assertThat(summary.reactionTotal()).isEqualTo(2);
            } else {
                JsonNode refused = bob.awaitError(e -> receipt.equals(e.path("receiptId").asString()));
                assertThat(refused.get("code").asString()).isEqualTo("live_session_ended");
                assertThat(summary.reactions()).isEqualTo(Map.of("👏", 1L));
            }
            // After the end: not live any more.
            assertThat(api.post("/api/v1/channels/" + channel + "/live/reactions", world.token("hq-bob"), Map.of("emoji", "👏"))
                    .json().get("code").asString()).isEqualTo("live_session_not_found");
        }
    }

    @Test
    void a_session_refuses_a_25th_different_reaction_and_keeps_counting_the_others() {
        String channel = group();
        String react = "/app/live." + channel + ".react";
        try (LiveClient bob = LiveClient.connect(api.ws(), world.token("hq-bob"))) {
            assertThat(api.post("/api/v1/channels/" + channel + "/live", world.token("alice"), Map.of("title", "Plafond"))
                    .status()).isEqualTo(201);
            for (int i = 0; i < 24; i++) {
                LiveClient.join(bob.stomp.sendWithReceipt(react, "{\"emoji\":\"e" + i + "\"}"));
                if (i == 11) reactions.flush(channel); // half stored, half still counted in memory
            }
            String receipt = "25th-" + UUID.randomUUID();
            bob.stomp.sendWithReceipt(react, "{\"emoji\":\"e24\"}", Map.of("receipt", receipt));
            JsonNode refused = bob.awaitError(e -> receipt.equals(e.path("receiptId").asString()));
            assertThat(refused.get("code").asString()).isEqualTo("too_many_reactions");
            assertThat(bob.stomp.isOpen()).isTrue();
            Api.Response viaRest = api.post("/api/v1/channels/" + channel + "/live/reactions", world.token("bruno"),
                    Map.of("emoji", "e25"));
            assertThat(viaRest.status()).isEqualTo(409);
            assertThat(viaRest.json().get("code").asString()).isEqualTo("too_many_reactions");

            // Existing keys keep counting, stored or not.
            LiveClient.join(bob.stomp.sendWithReceipt(react, "{\"emoji\":\"e0\"}"));
            LiveClient.join(bob.stomp.sendWithReceipt(react, "{\"emoji\":\"e23\"}"));
            assertThat(api.post("/api/v1/channels/" + channel + "/live/reactions", world.token("bruno"), Map.of("emoji", "e5"))
                    .status()).isEqualTo(202);

            Api.Response ended = api.delete("/api/v1/channels/" + channel + "/live", world.token("alice"));
            assertThat(ended.status()).as(ended.body()).isEqualTo(200);
            JsonNode summary = ended.json();
            assertThat(summary.get("reactions").size()).isEqualTo(24);
            assertThat(summary.get("reactions").get("e0").asLong()).isEqualTo(2);
            assertThat(summary.get("reactions").get("e23").asLong()).isEqualTo(2);
            assertThat(summary.get("reactions").get("e5").asLong()).isEqualTo(2);
            assertThat(summary.get("reactions").has("e24")).isFalse();
            assertThat(summary.get("reactionTotal").asLong()).isEqualTo(27);
        }
    }

    List<JsonNode> messages(String channel) {
        List<JsonNode> out = new ArrayList<>();
        api.get("/api/v1/channels/" + channel + "/messages?limit=200", world.token("alice")).json().forEach(out::add);
        return out;
    }
}
