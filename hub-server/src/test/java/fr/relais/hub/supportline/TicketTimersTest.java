package fr.relais.hub.supportline;

import fr.relais.hub.support.MutableClock;
import static fr.relais.hub.supportline.SupportDesk.is;
import static fr.relais.hub.supportline.SupportDesk.list;
import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.hub.support.Api;
import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.LiveClient;
import fr.relais.hub.support.World;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Response-time timers with a clock the test moves: alerts before and at breach, each once even when
 * several sweeps run at once (as on several nodes); timers pause while waiting on the requester;
 * reopen delay and auto-close; metrics over a period. The sweep is called directly (its schedule is
 * set to an hour so it never runs on its own here). Tokens live long: the clock only moves forward,
 * by days.
 */
@HubIntegrationTest
@Import(MutableClock.Config.class)
@TestPropertySource(properties = {"relais.support.sweep-interval=1h", "relais.support.reopen-window=2d",
        "relais.security.token-ttl=3650d"}) // sessions expire on the hub's clock, which these tests move by days
class TicketTimersTest {
    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;
    @Autowired
    TicketTimers timers;
    SupportDesk desk;
    Api api;

    @BeforeEach
    void world() {
        desk = new SupportDesk(World.on(port));
        api = desk.api;
    }

    @Test
    void the_queue_is_alerted_before_and_at_breach_once_each() {
        try (LiveClient carla = LiveClient.connect(api.ws(), desk.token("hq-carla")).subscribe("/topic/support.queue")) {
            String id = desk.open("alice", "Le site de la fédération est en panne", "tools-and-accounts", "urgent").get("id").asString();
            // urgent: first response within 1h, warned at 80% (48 min)
            clock.advance(Duration.ofMinutes(47));
            timers.sweep();
            assertThat(alerts(id)).isEmpty();

            clock.advance(Duration.ofMinutes(2));
            timers.sweep();
            timers.sweep();
            JsonNode warning = carla.awaitEvent("/topic/support.queue", e -> is(e, "sla.at_risk", id));
            assertThat(warning.get("timer").asString()).isEqualTo("first_response");
            assertThat(Instant.parse(warning.get("dueAt").asString()))
                    .isEqualTo(Instant.parse(desk.get("hq-bob", id).get("createdAt").asString()).plus(Duration.ofHours(1)));
            assertThat(alerts(id)).containsExactly("sla_at_risk:first_response");

            clock.advance(Duration.ofMinutes(12));
            timers.sweep();
            JsonNode breach = carla.awaitEvent("/topic/support.queue", e -> is(e, "sla.breached", id));
            assertThat(breach.get("timer").asString()).isEqualTo("first_response");
            assertThat(breach.get("ticket").get("sla").get("firstResponseBreached").asBoolean()).isTrue();
            timers.sweep();
            assertThat(alerts(id)).containsExactly("sla_at_risk:first_response", "sla_breached:first_response");

            JsonNode counts = desk.ok(api.get("/api/v1/support/queue/counts", desk.token("hq-bob")));
            assertThat(counts.get("queues").get("digital").get("breached").asInt()).isPositive();
        }
    }

    @Test
    void concurrent_sweeps_as_on_several_nodes_fire_each_alert_once() throws Exception {
        String id = desk.open("alice", "Imprimante du local HS", "equipment", "urgent").get("id").asString();
        clock.advance(Duration.ofMinutes(50));
        int sweepers = 4;
        CyclicBarrier start = new CyclicBarrier(sweepers);
        ExecutorService pool = Executors.newFixedThreadPool(sweepers);
        try {
            List<CompletableFuture<TicketTimers.SweepResult>> runs = new ArrayList<>();
            for (int i = 0; i < sweepers; i++) {
                runs.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return timers.sweep();
                }, pool));
            }
            runs.forEach(LiveClient::join);
        } finally {
            pool.shutdownNow();
        }
        assertThat(alerts(id)).containsExactly("sla_at_risk:first_response");
    }

    @Test
    void timers_pause_while_the_ticket_waits_on_the_requester() {
        JsonNode opened = desk.open("alice", "Accès à la base adhérents", "legal-and-gdpr", "urgent");
        String id = opened.get("id").asString();
        Instant createdAt = Instant.parse(opened.get("createdAt").asString());

        clock.advance(Duration.ofMinutes(10));
        desk.ok(api.post("/api/v1/support/tickets/" + id + "/replies", desk.token("hq-bob"),
                Map.of("text", "Quel est votre identifiant ?", "waitForRequester", true)));
        JsonNode waiting = desk.get("hq-bob", id);
        assertThat(waiting.get("status").asString()).isEqualTo("waiting_on_requester");
        assertThat(waiting.get("sla").get("paused").asBoolean()).isTrue();
        assertThat(waiting.get("sla").get("firstResponseSeconds").asLong()).isEqualTo(600);
        assertThat(waiting.get("sla").has("resolutionDueAt")).isFalse();

        clock.advance(Duration.ofHours(10)); // far beyond the 8h resolution target, but the clock is paused
        timers.sweep();
        assertThat(alerts(id)).isEmpty();

        desk.reply("alice", id, "C'est fed29-admin");
        JsonNode running = desk.get("hq-bob", id);
        assertThat(running.get("status").asString()).isEqualTo("open");
        assertThat(running.get("sla").get("paused").asBoolean()).isFalse();
        Instant due = Instant.parse(running.get("sla").get("resolutionDueAt").asString());
        assertThat(due).isEqualTo(createdAt.plus(Duration.ofHours(10)).plus(Duration.ofHours(8)));

        try (LiveClient carla = LiveClient.connect(api.ws(), desk.token("hq-carla")).subscribe("/topic/support.queue")) {
            clock.advance(Duration.between(clock.instant(), due));
            timers.sweep();
            JsonNode breach = carla.awaitEvent("/topic/support.queue", e -> is(e, "sla.breached", id));
            assertThat(breach.get("timer").asString()).isEqualTo("resolution");
        }
        // the sweep came late for the warning: only the breach is sent
        assertThat(alerts(id)).containsExactly("sla_breached:resolution");
    }

    @Test
    void a_resolved_ticket_can_be_reopened_for_a_while_then_closes_by_itself() {
        String id = desk.open("alice", "Clés du local").get("id").asString();
        String bob = desk.token("hq-bob");
        desk.ok(api.put("/api/v1/support/tickets/" + id + "/status", bob, Map.of("status", "resolved")));
        clock.advance(Duration.ofDays(1));
        desk.ok(api.post("/api/v1/support/tickets/" + id + "/reopen", desk.token("alice"), Map.of()));
        desk.ok(api.put("/api/v1/support/tickets/" + id + "/status", bob, Map.of("status", "resolved")));

        clock.advance(Duration.ofDays(3)); // reopen window: 2 days
        desk.refused(api.post("/api/v1/support/tickets/" + id + "/reopen", desk.token("alice"), Map.of()), 409, "ticket_reopen_expired");
        desk.refused(api.post("/api/v1/support/tickets/" + id + "/replies", desk.token("alice"), Map.of("text", "encore")),
                409, "ticket_reopen_expired");

        try (LiveClient alice = LiveClient.connect(api.ws(), desk.token("alice")).subscribe("/topic/support.tickets." + id)) {
            clock.advance(Duration.ofDays(4).plusMinutes(1)); // auto-close: 7 days after resolution
            timers.sweep();
            JsonNode closed = alice.awaitEvent("/topic/support.tickets." + id, e -> is(e, "ticket.status_changed", id));
            assertThat(closed.get("to").asString()).isEqualTo("closed");
            assertThat(closed.has("actor")).isFalse();
        }
        JsonNode ticket = desk.get("alice", id);
        assertThat(ticket.get("status").asString()).isEqualTo("closed");
        JsonNode last = list(ticket.get("history")).getLast();
        assertThat(last.get("to").asString()).isEqualTo("closed");
        assertThat(last.has("actor")).isFalse();
    }

    @Test
    void metrics_give_median_and_p90_per_federation_and_category_over_a_period() {
        clock.advance(Duration.ofDays(30)); // a period of its own
        Instant from = clock.instant();
        String bob = desk.token("hq-bob");
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String id = desk.open("alice", "Mesure " + i, "tools-and-accounts", "normal").get("id").asString();
            ids.add(id);
            clock.advance(Duration.ofMinutes(10L * i));
            desk.reply("hq-bob", id, "Réponse " + i);
            if (i <= 4) desk.ok(api.put("/api/v1/support/tickets/" + id + "/status", bob, Map.of("status", "resolved")));
        }
        desk.ok(api.put("/api/v1/support/tickets/" + ids.get(0) + "/satisfaction", desk.token("alice"), Map.of("rating", 5)));
        desk.ok(api.put("/api/v1/support/tickets/" + ids.get(1) + "/satisfaction", desk.token("alice"), Map.of("rating", 4)));
        desk.open("david", "Mesure Paris", "legal-and-gdpr", "low");
        clock.advance(Duration.ofMinutes(1));
        String period = "from=" + from + "&to=" + clock.instant();

        JsonNode report = desk.ok(api.get("/api/v1/support/metrics?" + period, bob));
        JsonNode overall = report.get("overall");
        assertThat(overall.get("opened").asInt()).isEqualTo(6);
        assertThat(overall.get("resolved").asInt()).isEqualTo(4);
        assertThat(overall.get("firstResponse").get("count").asInt()).isEqualTo(5);
        assertThat(overall.get("firstResponse").get("medianSeconds").asLong()).isEqualTo(30 * 60);
        assertThat(overall.get("firstResponse").get("p90Seconds").asLong()).isEqualTo(50 * 60);
        assertThat(overall.get("resolution").get("medianSeconds").asLong()).isEqualTo(20 * 60);
        assertThat(overall.get("resolution").get("p90Seconds").asLong()).isEqualTo(40 * 60);
        assertThat(overall.get("satisfaction").get("count").asInt()).isEqualTo(2);
        assertThat(overall.get("satisfaction").get("average").asDouble()).isEqualTo(4.5);
        assertThat(report.get("truncated").asBoolean()).isFalse();

        assertThat(report.get("byFederation").get("29").get("opened").asInt()).isEqualTo(5);
        assertThat(report.get("byFederation").get("75").get("opened").asInt()).isEqualTo(1);
        assertThat(report.get("byFederation").get("75").get("firstResponse").get("count").asInt()).isZero();
        assertThat(report.get("byFederation").get("75").get("firstResponse").has("medianSeconds")).isFalse();
        assertThat(report.get("byCategory").get("tools-and-accounts").get("opened").asInt()).isEqualTo(5);
        assertThat(report.get("byCategory").get("legal-and-gdpr").get("opened").asInt()).isEqualTo(1);
        assertThat(report.get("backlog").get("byFederation").get("75").asInt()).isPositive();

        JsonNode paris = desk.ok(api.get("/api/v1/support/metrics?" + period + "&federation=75", bob));
        assertThat(paris.get("overall").get("opened").asInt()).isEqualTo(1);
        desk.refused(api.get("/api/v1/support/metrics?from=" + clock.instant() + "&to=" + from, bob), 400, "validation_failed");
    }

    /** The alerts recorded on a ticket (internal transitions, staff view). */
    private List<String> alerts(String id) {
        return list(desk.get("hq-bob", id).get("history")).stream()
                .filter(h -> h.get("action").asString().startsWith("sla_"))
                .map(h -> h.get("action").asString() + ":" + h.get("to").asString()).toList();
    }
}
