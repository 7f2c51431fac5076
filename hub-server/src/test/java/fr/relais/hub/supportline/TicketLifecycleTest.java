package fr.relais.hub.supportline;

import static fr.relais.hub.supportline.SupportDesk.is;
import static fr.relais.hub.supportline.SupportDesk.list;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.relais.hub.support.Api;
import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.LiveClient;
import fr.relais.hub.support.World;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The support line end to end over real HTTP and STOMP: a coordinator opens a ticket, HQ staff take it
 * from the live queue and answer, both see every change live, and every transition is recorded.
 */
@HubIntegrationTest
class TicketLifecycleTest {
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
    void a_ticket_goes_from_new_to_closed_and_requester_and_staff_see_each_change_live() {
        try (LiveClient alice = LiveClient.connect(api.ws(), desk.token("alice")).subscribe("/topic/support.federations.29");
             LiveClient bob = LiveClient.connect(api.ws(), desk.token("hq-bob")).subscribe("/topic/support.queue")) {
            JsonNode opened = desk.open("alice", "Impossible de me connecter à l'outil de mailing", "tools-and-accounts", "high");
            String id = opened.get("id").asString();
            assertThat(opened.get("federation").asString()).isEqualTo("29");
            assertThat(opened.get("status").asString()).isEqualTo("new");
            assertThat(opened.get("number").asLong()).isPositive();
            assertThat(opened.get("view").asString()).isEqualTo("requester");
            assertThat(opened.has("priority")).isFalse();
            assertThat(opened.has("sla")).isFalse();

            JsonNode inQueue = bob.awaitEvent("/topic/support.queue", e -> is(e, "ticket.opened", id));
            assertThat(inQueue.get("ticket").get("priority").asString()).isEqualTo("high");
            assertThat(inQueue.get("ticket").get("queue").asString()).isEqualTo("digital");
            assertThat(inQueue.get("ticket").get("sla").get("firstResponseDueAt").asString()).isNotBlank();
            JsonNode inFederation = alice.awaitEvent("/topic/support.federations.29", e -> is(e, "ticket.opened", id));
            assertThat(inFederation.get("ticket").has("queue")).isFalse();

            String ticketTopic = "/topic/support.tickets." + id;
            String staffTopic = ticketTopic + ".staff";
            alice.subscribe(ticketTopic);
            bob.subscribe(staffTopic);

            desk.ok(api.post("/api/v1/support/tickets/" + id + "/claim", desk.token("hq-bob"), Map.of()));
            JsonNode claimed = alice.awaitEvent(ticketTopic, e -> is(e, "ticket.claimed", id));
            assertThat(claimed.get("ticket").get("assignee").get("username").asString()).isEqualTo("hq-bob");
            assertThat(alice.awaitEvent(ticketTopic, e -> is(e, "ticket.status_changed", id)).get("to").asString()).isEqualTo("open");
            bob.awaitEvent(staffTopic, e -> is(e, "ticket.claimed", id));

            desk.ok(api.post("/api/v1/support/tickets/" + id + "/replies", desk.token("hq-bob"),
                    Map.of("text", "Bonjour Alice, pouvez-vous nous envoyer une capture d'écran ?", "waitForRequester", true)));
            JsonNode answer = alice.awaitEvent(ticketTopic, e -> is(e, "reply.posted", id));
            assertThat(answer.get("post").get("text").asString()).contains("capture d'écran");
            assertThat(answer.get("post").get("fromStaff").asBoolean()).isTrue();
            assertThat(answer.get("ticket").get("status").asString()).isEqualTo("waiting_on_requester");
            assertThat(answer.get("ticket").get("firstResponseAt").asString()).isNotBlank();

            desk.reply("alice", id, "Voici la capture.");
            JsonNode back = bob.awaitEvent(staffTopic, e -> is(e, "reply.posted", id) && !e.get("post").get("fromStaff").asBoolean());
            assertThat(back.get("ticket").get("status").asString()).isEqualTo("open");
            bob.awaitEvent("/topic/support.queue", e -> is(e, "ticket.status_changed", id) && "open".equals(e.path("to").asString())
                    && "waiting_on_requester".equals(e.path("from").asString()));

            desk.ok(api.put("/api/v1/support/tickets/" + id + "/status", desk.token("hq-bob"), Map.of("status", "resolved")));
            JsonNode resolved = alice.awaitEvent(ticketTopic, e -> is(e, "ticket.status_changed", id) && "resolved".equals(e.path("to").asString()));
            assertThat(resolved.get("ticket").get("reopenableUntil").asString()).isNotBlank();

            desk.ok(api.put("/api/v1/support/tickets/" + id + "/satisfaction", desk.token("alice"),
                    Map.of("rating", 5, "comment", "Merci, réglé en une heure")));
            JsonNode rated = bob.awaitEvent(staffTopic, e -> is(e, "ticket.rated", id));
            assertThat(rated.get("ticket").get("satisfaction").get("rating").asInt()).isEqualTo(5);

            desk.ok(api.post("/api/v1/support/tickets/" + id + "/reopen", desk.token("alice"), Map.of()));
            bob.awaitEvent("/topic/support.queue", e -> is(e, "ticket.status_changed", id) && "open".equals(e.path("to").asString())
                    && "resolved".equals(e.path("from").asString()));
            desk.ok(api.put("/api/v1/support/tickets/" + id + "/status", desk.token("hq-bob"), Map.of("status", "resolved")));
            desk.ok(api.put("/api/v1/support/tickets/" + id + "/status", desk.token("hq-bob"), Map.of("status", "closed")));
            alice.awaitEvent(ticketTopic, e -> is(e, "ticket.status_changed", id) && "closed".equals(e.path("to").asString()));

            desk.refused(api.post("/api/v1/support/tickets/" + id + "/replies", desk.token("alice"), Map.of("text", "encore moi")),
                    409, "ticket_closed");
            desk.refused(api.post("/api/v1/support/tickets/" + id + "/reopen", desk.token("alice"), Map.of()), 409, "ticket_closed");
            desk.refused(api.put("/api/v1/support/tickets/" + id + "/status", desk.token("hq-bob"), Map.of("status", "open")),
                    409, "ticket_invalid_transition");

            JsonNode history = desk.get("hq-bob", id).get("history");
            assertThat(list(history)).extracting(h -> h.get("action").asString() + ":" + h.path("to").asString())
                    .containsExactly("opened:new", "claimed:" + desk.world.id("hq-bob"), "status:open",
                            "status:waiting_on_requester", "status:open", "status:resolved", "rated:5", "status:open",
                            "status:resolved", "status:closed");
            assertThat(list(history)).allSatisfy(h -> assertThat(h.get("at").asString()).isNotBlank());
            assertThat(list(history)).filteredOn(h -> h.get("action").asString().equals("claimed"))
                    .singleElement().satisfies(h -> assertThat(h.get("actor").get("username").asString()).isEqualTo("hq-bob"));

            List<JsonNode> posts = list(desk.ok(api.get("/api/v1/support/tickets/" + id + "/posts", desk.token("alice"))));
            assertThat(posts).extracting(p -> p.get("author").get("username").asString()).containsExactly("hq-bob", "alice");
        }
    }

    @Test
    void presence_shows_who_is_viewing_a_ticket() {
        String id = desk.open("alice", "Commande de tracts").get("id").asString();
        String ticketTopic = "/topic/support.tickets." + id;
        try (LiveClient bob = LiveClient.connect(api.ws(), desk.token("hq-bob")).subscribe(ticketTopic + ".staff")) {
            try (LiveClient alice = LiveClient.connect(api.ws(), desk.token("alice")).subscribe(ticketTopic)) {
                JsonNode both = bob.awaitEvent(ticketTopic + ".staff", e -> is(e, "ticket.viewers", id) && e.get("viewers").size() == 2);
                assertThat(list(both.get("viewers"))).extracting(v -> v.get("username").asString()).containsExactly("hq-bob", "alice");
                JsonNode viewers = desk.ok(api.get("/api/v1/support/tickets/" + id + "/viewers", desk.token("alice")));
                assertThat(list(viewers.get("viewers"))).extracting(v -> v.get("username").asString())
                        .containsExactlyInAnyOrder("hq-bob", "alice");
            }
            bob.awaitEvent(ticketTopic + ".staff", e -> is(e, "ticket.viewers", id) && e.get("viewers").size() == 1
                    && e.get("viewers").get(0).get("username").asString().equals("hq-bob"));
        }
        await().atMost(Duration.ofSeconds(10)).until(() ->
                desk.ok(api.get("/api/v1/support/tickets/" + id + "/viewers", desk.token("hq-bob"))).get("viewers").isEmpty());
    }

    @Test
    void staff_filter_sort_and_count_the_queue_and_transfer_between_queues() {
        JsonNode legal = desk.open("alice", "Question RGPD sur le fichier adhérents", "legal-and-gdpr", "low");
        JsonNode urgent = desk.open("david", "Visuel du meeting faux", "content-and-visuals", "urgent");
        String bob = desk.token("hq-bob");

        List<JsonNode> legalOnly = list(desk.ok(api.get("/api/v1/support/queue?category=legal-and-gdpr&limit=200", bob)));
        assertThat(legalOnly).isNotEmpty().allSatisfy(t -> assertThat(t.get("category").asString()).isEqualTo("legal-and-gdpr"));
        assertThat(legalOnly).anySatisfy(t -> assertThat(t.get("id").asString()).isEqualTo(legal.get("id").asString()));

        List<JsonNode> byPriority = list(desk.ok(api.get("/api/v1/support/queue?sort=priority&limit=200", bob)));
        assertThat(byPriority.get(0).get("priority").asString()).isEqualTo("urgent");
        assertThat(byPriority).extracting(t -> t.get("status").asString()).allMatch(s -> List.of("new", "open", "waiting_on_requester").contains(s));

        List<JsonNode> paris = list(desk.ok(api.get("/api/v1/support/queue?federation=75&limit=200", bob)));
        assertThat(paris).isNotEmpty().allSatisfy(t -> assertThat(t.get("federation").asString()).isEqualTo("75"));

        List<JsonNode> waiting = list(desk.ok(api.get("/api/v1/support/queue?sort=waiting&limit=200", bob)));
        assertThat(waiting).filteredOn(t -> t.has("waitingSince"))
                .extracting(t -> java.time.Instant.parse(t.get("waitingSince").asString())).isSorted();

        JsonNode counts = desk.ok(api.get("/api/v1/support/queue/counts", bob));
        assertThat(counts.get("queues").get("legal").get("total").asInt()).isPositive();
        assertThat(counts.get("queues").get("communication").get("unassigned").asInt()).isPositive();

        String id = urgent.get("id").asString();
        desk.ok(api.post("/api/v1/support/tickets/" + id + "/claim", bob, Map.of()));
        try (LiveClient david = LiveClient.connect(api.ws(), desk.token("david")).subscribe("/topic/support.tickets." + id);
             LiveClient carla = LiveClient.connect(api.ws(), desk.token("hq-carla")).subscribe("/topic/support.queue")) {
            JsonNode moved = desk.ok(api.put("/api/v1/support/tickets/" + id + "/queue", bob, Map.of("queue", "campaign")));
            assertThat(moved.get("queue").asString()).isEqualTo("campaign");
            assertThat(moved.has("assignee")).isFalse();
            JsonNode staffSide = carla.awaitEvent("/topic/support.queue", e -> is(e, "ticket.transferred", id));
            assertThat(staffSide.get("from").asString()).isEqualTo("communication");
            assertThat(staffSide.get("to").asString()).isEqualTo("campaign");
            JsonNode requesterSide = david.awaitEvent("/topic/support.tickets." + id, e -> is(e, "ticket.updated", id));
            assertThat(requesterSide.get("ticket").has("assignee")).isFalse();
            assertThat(requesterSide.toString()).doesNotContain("campaign").doesNotContain("communication");
            assertThat(david.events("/topic/support.tickets." + id)).noneSatisfy(e ->
                    assertThat(e.get("type").asString()).isEqualTo("ticket.transferred"));
        }
        desk.ok(api.put("/api/v1/support/tickets/" + id + "/assignee", bob, Map.of("assigneeId", desk.world.id("hq-carla"))));
        assertThat(desk.get("hq-bob", id).get("assignee").get("username").asString()).isEqualTo("hq-carla");
        desk.refused(api.put("/api/v1/support/tickets/" + id + "/assignee", bob, Map.of("assigneeId", desk.world.id("alice"))),
                400, "validation_failed");
        desk.refused(api.put("/api/v1/support/tickets/" + id + "/queue", bob, Map.of("queue", "nowhere")), 400, "validation_failed");
    }

    @Test
    void canned_responses_fill_in_their_variables() {
        String bob = desk.token("hq-bob");
        JsonNode canned = desk.ok(api.post("/api/v1/support/canned-responses", bob, Map.of("title", "Accusé de réception",
                "body", "Bonjour {{requester.name}}, votre demande n°{{ticket.number}} ({{federation.name}}) est prise en charge par {{agent.name}}. {{unknown.thing}}")));
        JsonNode ticket = desk.open("alice", "Accès au drive");
        String id = ticket.get("id").asString();

        JsonNode rendered = desk.ok(api.get("/api/v1/support/tickets/" + id + "/canned-responses/" + canned.get("id").asString(), bob));
        assertThat(rendered.get("text").asString()).isEqualTo("Bonjour Alice Le Goff, votre demande n°" + ticket.get("number").asLong()
                + " (Finistère) est prise en charge par Bob (siège). {{unknown.thing}}");

        JsonNode reply = desk.ok(api.post("/api/v1/support/tickets/" + id + "/replies", bob,
                Map.of("cannedResponseId", canned.get("id").asString())));
        assertThat(reply.get("text").asString()).startsWith("Bonjour Alice Le Goff");

        desk.refused(api.get("/api/v1/support/canned-responses", desk.token("alice")), 403, "forbidden");
        desk.refused(api.post("/api/v1/support/tickets/" + id + "/replies", desk.token("alice"),
                Map.of("cannedResponseId", canned.get("id").asString())), 403, "forbidden");
        assertThat(api.delete("/api/v1/support/canned-responses/" + canned.get("id").asString(), bob).status()).isEqualTo(204);
        desk.refused(api.get("/api/v1/support/tickets/" + id + "/canned-responses/" + canned.get("id").asString(), bob),
                404, "canned_response_not_found");
    }

    @Test
    void only_configured_roles_open_tickets_and_the_form_is_checked() {
        desk.refused(api.post("/api/v1/support/tickets", desk.token("bruno"), Map.of("subject", "s", "description", "d",
                "category", "other")), 403, "forbidden");
        desk.refused(api.get("/api/v1/support/tickets", desk.token("bruno")), 403, "forbidden");
        desk.refused(api.post("/api/v1/support/tickets", desk.token("hq-bob"), Map.of("subject", "s", "description", "d",
                "category", "other")), 403, "forbidden");
        desk.refused(api.post("/api/v1/support/tickets", desk.token("alice"), Map.of("subject", "s", "description", "d",
                "category", "astrology")), 400, "validation_failed");
        desk.refused(api.post("/api/v1/support/tickets", desk.token("alice"), Map.of("subject", " ", "description", "d",
                "category", "other")), 400, "validation_failed");
        desk.refused(api.post("/api/v1/support/tickets", desk.token("alice"), Map.of("subject", "s", "description", "",
                "category", "other")), 400, "text_empty");
        desk.refused(api.post("/api/v1/support/tickets", desk.token("alice"), Map.of("subject", "s", "description", "d",
                "category", "other", "urgency", "apocalyptic")), 400, "validation_failed");

        JsonNode config = desk.ok(api.get("/api/v1/support/config", desk.token("alice")));
        assertThat(config.get("canOpen").asBoolean()).isTrue();
        assertThat(config.get("staff").asBoolean()).isFalse();
        assertThat(list(config.get("categories"))).extracting(c -> c.get("id").asString())
                .containsExactly("tools-and-accounts", "equipment", "content-and-visuals", "legal-and-gdpr", "campaign", "other");
        assertThat(config.get("targets").get("urgent").get("firstResponseSeconds").asLong()).isEqualTo(3600);
        assertThat(desk.ok(api.get("/api/v1/support/config", desk.token("bruno"))).get("canOpen").asBoolean()).isFalse();
    }

    @Test
    void a_resent_reply_is_stored_once() {
        String id = desk.open("alice", "Badge perdu").get("id").asString();
        Map<String, Object> body = Map.of("text", "Toujours rien reçu", "clientMessageId", "retry-" + id);
        JsonNode first = desk.ok(api.post("/api/v1/support/tickets/" + id + "/replies", desk.token("alice"), body));
        JsonNode again = desk.ok(api.post("/api/v1/support/tickets/" + id + "/replies", desk.token("alice"), body));
        assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(list(desk.ok(api.get("/api/v1/support/tickets/" + id + "/posts", desk.token("alice"))))).hasSize(1);
    }
}
