package fr.relais.hub.supportline;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.hub.support.Api;
import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.LiveClient;
import fr.relais.hub.support.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Two staff members claiming the same ticket at the same moment: exactly one wins, the other is told. */
@HubIntegrationTest
class TicketClaimRaceTest {
    private static final int ROUNDS = 15;

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
    void of_two_simultaneous_claims_exactly_one_wins() throws Exception {
        String bob = desk.token("hq-bob");
        String carla = desk.token("hq-carla");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String id = desk.open("alice", "Course au ticket " + round).get("id").asString();
                CyclicBarrier start = new CyclicBarrier(2);
                List<CompletableFuture<Api.Response>> claims = new ArrayList<>();
                for (String token : List.of(bob, carla)) {
                    claims.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        return api.post("/api/v1/support/tickets/" + id + "/claim", token, Map.of());
                    }, pool));
                }
                List<Api.Response> answers = claims.stream().map(LiveClient::join).toList();
                assertThat(answers).extracting(Api.Response::status).as("round %d", round).containsExactlyInAnyOrder(200, 409);
                Api.Response won = answers.stream().filter(r -> r.status() == 200).findFirst().orElseThrow();
                Api.Response lost = answers.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
                assertThat(lost.json().get("code").asString()).isEqualTo("ticket_already_claimed");
                String winner = won.json().get("assignee").get("username").asString();
                assertThat(lost.json().get("detail").asString()).contains(winner.equals("hq-bob") ? "Bob" : "Carla");
                assertThat(desk.get("hq-bob", id).get("assignee").get("username").asString()).isEqualTo(winner);
                assertThat(SupportDesk.list(desk.get("hq-bob", id).get("history")))
                        .filteredOn(h -> h.get("action").asString().equals("claimed")).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void claiming_again_ones_own_ticket_is_harmless() {
        String id = desk.open("alice", "Double clic").get("id").asString();
        desk.ok(api.post("/api/v1/support/tickets/" + id + "/claim", desk.token("hq-bob"), Map.of()));
        desk.ok(api.post("/api/v1/support/tickets/" + id + "/claim", desk.token("hq-bob"), Map.of()));
        assertThat(SupportDesk.list(desk.get("hq-bob", id).get("history")))
                .filteredOn(h -> h.get("action").asString().equals("claimed")).hasSize(1);
    }
}
