package fr.relais.hub.supportline;

import static fr.relais.hub.supportline.SupportDesk.is;
import static fr.relais.hub.supportline.SupportDesk.list;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.hub.support.Api;
import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.LiveClient;
import fr.relais.hub.support.World;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Internal notes never reach the requester side by any path (REST, STOMP, search, export), and a
 * federation never sees another federation's tickets.
 */
@HubIntegrationTest
class TicketPrivacyTest {
    @LocalServerPort
    int port;
    SupportDesk desk;
    Api api;

    @BeforeEach
    void world() {
        desk = new SupportDesk(World.on(port));
        api = desk.api;
    }

    @Test
    void internal_notes_never_reach_the_requester_by_any_path() {
        String secret = "NOTE-" + UUID.randomUUID().toString().substring(0, 8);
        String id = desk.open("alice", "Conflit avec la section de Brest").get("id").asString();
        String ticketTopic = "/topic/support.tickets." + id;
        try (LiveClient alice = LiveClient.connect(api.ws(), desk.token("alice"))
                .subscribe(ticketTopic).subscribe("/topic/support.federations.29");
             LiveClient bob = LiveClient.connect(api.ws(), desk.token("hq-bob")).subscribe(ticketTopic + ".staff");
             LiveClient carla = LiveClient.connect(api.ws(), desk.token("hq-carla")).subscribe("/topic/support.queue")) {
            JsonNode note = desk.ok(api.post("/api/v1/support/tickets/" + id + "/notes", desk.token("hq-bob"),
                    Map.of("text", "Sujet sensible " + secret + ", @hq-carla peux-tu regarder ? @alice")));
            assertThat(note.get("visibility").asString()).isEqualTo("internal");
            assertThat(list(note.get("mentions"))).extracting(JsonNode::asString).containsExactly(desk.world.id("hq-carla"));

            bob.awaitEvent(ticketTopic + ".staff", e -> is(e, "note.posted", id));
            carla.awaitEvent("/topic/support.queue", e -> is(e, "note.posted", id) && e.toString().contains(secret));
            JsonNode mention = carla.awaitEvent("/user/queue/events", e -> "support.mention".equals(e.path("type").asString()));
            assertThat(mention.get("ticketId").asString()).isEqualTo(id);
            assertThat(mention.get("excerpt").asString()).contains(secret);

            // A public reply after the note: once alice has it, anything about the note would have arrived too.
            desk.reply("hq-bob", id, "Nous regardons cela avec l'équipe juridique.");
            alice.awaitEvent(ticketTopic, e -> is(e, "reply.posted", id));
            alice.awaitEvent("/topic/support.federations.29", e -> is(e, "reply.posted", id));
            for (String destination : List.of(ticketTopic, "/topic/support.federations.29", "/user/queue/events")) {
                assertThat(alice.events(destination)).allSatisfy(e -> {
                    assertThat(e.toString()).doesNotContain(secret);
                    assertThat(e.path("type").asString()).isNotEqualTo("note.posted");
                });
            }
        }

        String alice = desk.token("alice");
        assertThat(api.get("/api/v1/support/tickets/" + id, alice).body()).doesNotContain(secret);
        Api.Response posts = api.get("/api/v1/support/tickets/" + id + "/posts", alice);
        assertThat(posts.status()).isEqualTo(200);
        assertThat(posts.body()).doesNotContain(secret).doesNotContain("internal");
        assertThat(list(desk.ok(api.get("/api/v1/support/tickets?q=" + secret, alice)))).isEmpty();
        assertThat(list(desk.ok(api.get("/api/v1/support/tickets?q=" + Api.q("équipe juridique"), alice))))
                .extracting(t -> t.get("id").asString()).containsExactly(id);
        Api.Response export = api.get("/api/v1/support/tickets/" + id + "/export", alice);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).contains("équipe juridique").doesNotContain(secret);
        assertThat(api.get("/api/v1/support/tickets?limit=200", alice).body()).doesNotContain(secret);

        String bob = desk.token("hq-bob");
        assertThat(api.get("/api/v1/support/tickets/" + id + "/posts", bob).body()).contains(secret);
        assertThat(list(desk.ok(api.get("/api/v1/support/queue?q=" + secret, bob)))).extracting(t -> t.get("id").asString())
                .containsExactly(id);
        assertThat(api.get("/api/v1/support/tickets/" + id + "/export", bob).body()).contains(secret);
    }

    @Test
    void the_requester_side_cannot_subscribe_to_staff_topics_nor_post_notes() {
        String id = desk.open("alice", "Mot de passe oublié").get("id").asString();
        refusedSubscription("alice", "/topic/support.tickets." + id + ".staff", "forbidden");
        refusedSubscription("alice", "/topic/support.queue", "forbidden");
        desk.refused(api.post("/api/v1/support/tickets/" + id + "/notes", desk.token("alice"), Map.of("text", "je suis staff")),
                403, "forbidden");
        desk.refused(api.post("/api/v1/support/tickets/" + id + "/claim", desk.token("alice"), Map.of()), 403, "forbidden");
        desk.refused(api.put("/api/v1/support/tickets/" + id + "/status", desk.token("alice"), Map.of("status", "resolved")),
                403, "forbidden");
        desk.refused(api.get("/api/v1/support/queue", desk.token("alice")), 403, "forbidden");
        // priority is staff-only: the requester side can neither see it nor probe it with a filter
        List<JsonNode> probed = list(desk.ok(api.get("/api/v1/support/tickets?priority=urgent&limit=200", desk.token("alice"))));
        assertThat(probed).extracting(t -> t.get("id").asString()).contains(id);
        assertThat(probed).allSatisfy(t -> assertThat(t.has("priority")).isFalse());
        desk.refused(api.get("/api/v1/support/metrics", desk.token("alice")), 403, "forbidden");
    }

    @Test
    void a_coordinator_never_sees_another_federations_tickets() {
        String finistere = desk.open("alice", "Salle pour le conseil fédéral").get("id").asString();
        String paris = desk.open("david", "Permanence du 11e").get("id").asString();

        String david = desk.token("david");
        desk.refused(api.get("/api/v1/support/tickets/" + finistere, david), 404, "ticket_not_found");
        desk.refused(api.get("/api/v1/support/tickets/" + finistere + "/posts", david), 404, "ticket_not_found");
        desk.refused(api.get("/api/v1/support/tickets/" + finistere + "/export", david), 404, "ticket_not_found");
        desk.refused(api.post("/api/v1/support/tickets/" + finistere + "/replies", david, Map.of("text", "coucou")),
                404, "ticket_not_found");
        desk.refused(api.put("/api/v1/support/tickets/" + finistere + "/satisfaction", david, Map.of("rating", 1)),
                404, "ticket_not_found");
        List<JsonNode> davidsList = list(desk.ok(api.get("/api/v1/support/tickets?limit=200&federation=29", david)));
        assertThat(davidsList).isNotEmpty().allSatisfy(t -> assertThat(t.get("federation").asString()).isEqualTo("75"));
        assertThat(davidsList).extracting(t -> t.get("id").asString()).contains(paris).doesNotContain(finistere);
        List<JsonNode> alicesList = list(desk.ok(api.get("/api/v1/support/tickets?limit=200", desk.token("alice"))));
        assertThat(alicesList).extracting(t -> t.get("id").asString()).contains(finistere).doesNotContain(paris);

        refusedSubscription("david", "/topic/support.tickets." + finistere, "ticket_not_found");
        refusedSubscription("david", "/topic/support.federations.29", "forbidden");
        refusedSubscription("chloe", "/topic/support.federations.75", "forbidden"); // a member, not a requester role

        // Paris's live feed carries nothing of Finistère.
        try (LiveClient d = LiveClient.connect(api.ws(), david).subscribe("/topic/support.federations.75")) {
            desk.reply("alice", finistere, "Précision pour le Finistère");
            desk.reply("david", paris, "Précision pour Paris");
            d.awaitEvent("/topic/support.federations.75", e -> is(e, "reply.posted", paris));
            assertThat(d.events("/topic/support.federations.75")).allSatisfy(e ->
                    assertThat(e.get("ticket").get("federation").asString()).isEqualTo("75"));
        }
    }

    /**
     * The subscription is refused: the connection closes without delivering anything, with an ERROR
     * frame carrying {@code code}. The hub sometimes closes the socket before the ERROR frame is flushed
     * (infra.stomp, reported separately); such an attempt still proves the refusal, so it is retried to
     * read the code.
     */
    private void refusedSubscription(String username, String destination, String code) {
        for (int attempt = 1; ; attempt++) {
            try (LiveClient client = LiveClient.connect(api.ws(), desk.token(username))) {
                client.stomp.subscribe(destination, frame -> {
                    throw new AssertionError(username + " received " + frame.body() + " on " + destination);
                });
                LiveClient.join(client.stomp.closed());
                if (client.stomp.errors().isEmpty() && attempt < 3) continue;
                assertThat(client.stomp.errors()).singleElement().satisfies(error -> assertThat(error.header("code")).isEqualTo(code));
                return;
            }
        }
    }
}
