package fr.relais.hub.relay;

import fr.relais.hub.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.bots.relay.RelayBot;
import fr.relais.hub.bots.Bots;
import fr.relais.hub.support.Api;
import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.World;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The relay end to end with a clock the test moves: propose → request changes → edit → approve (next
 * prime-time slot) → due → posted once in each of the 102 federation channels by the relay bot, which
 * "crashes" after 40 posts and completes the run on restart without a duplicate; then the consigne's
 * acknowledgement and escalation, figures, and a blackout window holding an item until it is released.
 */
@HubIntegrationTest
@Import(MutableClock.Config.class)
@TestPropertySource(properties = {"relais.relay.sweep-every=1h", "relais.security.token-ttl=3650d"})
class RelayWorkflowTest {
    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    RelaySweep sweep;
    World world;
    Api api;

    @BeforeEach
    void world() {
        world = World.on(port);
        api = world.api;
    }

    @Test
    void proposed_reviewed_scheduled_and_posted_once_in_each_of_the_102_federations() {
        JsonNode relayBot = Bots.create(world, "relais", List.of(), true, "RELAY");
        String botToken = relayBot.get("token").asString();
        String bruno = world.token("bruno"), bob = world.token("hq-bob");

        JsonNode item = ok(api.post("/api/v1/relay/items", bruno, Map.of("text", "Pétition pour les services publics", "links", List.of("https://parti.example/petition"))));
        String id = item.get("id").asString();
        assertThat(item.get("status").asString()).isEqualTo("PROPOSED");
        assertThat(queue(bob)).contains(id);
        assertThat(api.post("/api/v1/relay/items/" + id + "/approve", world.token("chloe"), Map.of()).status()).isEqualTo(404);

        ok(api.post("/api/v1/relay/items/" + id + "/request-changes", bob, Map.of("text", "Ajoutez la date limite")));
        assertThat(api.post("/api/v1/relay/items/" + id + "/approve", bob, Map.of()).json().get("code").asString()).isEqualTo("relay_invalid_transition");
        ok(api.put("/api/v1/relay/items/" + id, bruno, Map.of("text", "Pétition pour les services publics, à signer avant dimanche",
                "links", List.of("https://parti.example/petition"))));
        JsonNode approved = ok(api.post("/api/v1/relay/items/" + id + "/approve", bob,
                Map.of("consigne", Map.of("requires", "READ"))));
        assertThat(approved.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(approved.get("channelIds")).hasSize(102);
        Instant at = Instant.parse(approved.get("scheduledAt").asString());
        assertThat(at).isAfterOrEqualTo(clock.instant());
        assertThat(List.of(LocalTime.of(12, 30), LocalTime.of(19, 0), LocalTime.of(20, 45)))
                .contains(at.atZone(ZoneId.of("Europe/Paris")).toLocalTime());
        assertThat(approved.get("history")).extracting(h -> h.get("action").asString())
                .containsExactly("proposed", "changes_requested", "edited", "approved");

        assertThat(sweep.sweep().due()).isZero();
        clock.advance(Duration.between(clock.instant(), at).plusSeconds(1));
        assertThat(sweep.sweep().due()).isEqualTo(1);
        assertThat(sweep.sweep().due()).isZero(); // once

        URI hub = URI.create("http://localhost:" + port);
        try (RelayBot first = new RelayBot(hub, botToken)) {
            assertThat(first.runDue(40)).isEqualTo(40); // killed right after its 40th post, before reporting it
        }
        assertThat(get(bob, id).get("status").asString()).isEqualTo("DUE");
        try (RelayBot restarted = new RelayBot(hub, botToken)) {
            assertThat(restarted.runDue()).isEqualTo(102 - 39); // the unreported 40th is posted again: stored once
            assertThat(restarted.runDue()).isZero();
        }
        assertThat(get(bob, id).get("status").asString()).isEqualTo("POSTED");
        for (JsonNode channel : approved.get("channelIds")) {
            String channelId = channel.asString();
            JsonNode page = api.get("/api/v1/channels/" + channelId + "/messages?limit=200", bob).json();
            long copies = 0;
            for (JsonNode m : page) if (m.get("clientMessageId").asString().equals("relay-" + id + "-" + channelId)) copies++;
            assertThat(copies).as(channelId).isEqualTo(1);
        }

        // Figures and consigne: Finistère reads and acknowledges; the others are reminded after the deadline.
        String fed29Message = messageIn("fed-29", id, bob);
        ok(api.put("/api/v1/channels/fed-29/read", world.token("alice"), Map.of("seq", seqOf("fed-29", fed29Message, bob))));
        assertThat(api.put("/api/v1/messages/" + fed29Message + "/reactions/%F0%9F%91%8D", world.token("bruno"), Map.of()).status()).isLessThan(300);
        ok(api.post("/api/v1/relay/items/" + id + "/acks", world.token("alice"), Map.of("state", "READ")));
        JsonNode figures = ok(api.get("/api/v1/relay/items/" + id + "/figures", bob));
        assertThat(figures.get("totals").get("delivered").asInt()).isEqualTo(102);
        assertThat(figures.get("totals").get("acknowledged").asInt()).isEqualTo(1);
        JsonNode finistere = row(figures, "29");
        assertThat(finistere.get("readers").asInt()).isEqualTo(1);
        assertThat(finistere.get("reactions").asInt()).isEqualTo(1);
        assertThat(finistere.get("ack").asString()).isEqualTo("READ");

        Instant deadline = Instant.parse(approved.get("consigne") == null ? get(bob, id).get("consigne").get("deadline").asString()
                : get(bob, id).get("consigne").get("deadline").asString());
        clock.advance(Duration.between(clock.instant(), deadline).plusSeconds(1));
        assertThat(sweep.sweep().escalations()).isEqualTo(101);
        assertThat(sweep.sweep().escalations()).isZero();
        JsonNode after = ok(api.get("/api/v1/relay/items/" + id + "/figures", bob));
        assertThat(row(after, "75").get("escalation").asString()).isEqualTo("reminder");
        assertThat(row(after, "29").get("escalation").asString()).isEqualTo("none");
        JsonNode paris = api.get("/api/v1/channels/fed-75/messages?limit=5", bob).json();
        assertThat(paris.get(paris.size() - 1).get("text").asString()).contains("Rappel de consigne").contains(id);
    }

    @Test
    void a_blackout_holds_a_due_item_until_a_reviewer_releases_it() {
        Bots.create(world, "relais-b", List.of(), true, "RELAY");
        String bob = world.token("hq-bob");
        String id = ok(api.post("/api/v1/relay/items", world.token("alice"), Map.of("text", "Tractage samedi",
                "target", Map.of("kind", "LIST", "federations", List.of("29"))))).get("id").asString();
        // The coordinator reviews items that target only her federation.
        Instant at = clock.instant().plus(Duration.ofHours(1));
        ok(api.post("/api/v1/relay/items/" + id + "/approve", world.token("alice"), Map.of("at", at.toString())));
        ok(api.post("/api/v1/relay/blackouts", bob, Map.of("from", clock.instant().toString(),
                "to", clock.instant().plus(Duration.ofHours(3)).toString(), "reason", "silence électoral")));
        clock.advance(Duration.ofHours(2));
        assertThat(sweep.sweep().held()).isEqualTo(1);
        JsonNode held = ok(api.get("/api/v1/relay/items?status=HELD", bob));
        assertThat(held).extracting(i -> i.get("id").asString()).contains(id);
        assertThat(ok(api.get("/api/v1/relay/blackouts/active", bob)).get("active").asBoolean()).isTrue();

        clock.advance(Duration.ofHours(2));
        JsonNode released = ok(api.post("/api/v1/relay/items/" + id + "/release", bob, Map.of()));
        assertThat(released.get("status").asString()).isEqualTo("SCHEDULED");
        assertThat(Instant.parse(released.get("scheduledAt").asString())).isAfterOrEqualTo(clock.instant());
    }

    private JsonNode row(JsonNode figures, String federation) {
        for (JsonNode r : figures.get("federations")) if (r.get("federation").asString().equals(federation)) return r;
        throw new AssertionError("no row for " + federation);
    }

    private String messageIn(String channelId, String itemId, String token) {
        for (JsonNode m : api.get("/api/v1/channels/" + channelId + "/messages?limit=200", token).json()) {
            if (m.get("clientMessageId").asString().equals("relay-" + itemId + "-" + channelId)) return m.get("id").asString();
        }
        throw new AssertionError("no relay in " + channelId);
    }

    private long seqOf(String channelId, String messageId, String token) {
        return api.get("/api/v1/messages/" + messageId, token).json().get("seq").asLong();
    }

    private List<String> queue(String token) {
        List<String> ids = new java.util.ArrayList<>();
        ok(api.get("/api/v1/relay/items", token)).forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    private JsonNode get(String token, String id) {
        return ok(api.get("/api/v1/relay/items/" + id, token));
    }

    private static JsonNode ok(Api.Response r) {
        if (r.status() / 100 != 2) throw new AssertionError("unexpected answer: " + r);
        return r.json();
    }
}
