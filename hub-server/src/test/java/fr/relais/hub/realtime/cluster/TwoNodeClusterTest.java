package fr.relais.hub.realtime.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.relais.hub.RelaisApplication;
import fr.relais.hub.infra.mongo.EmbeddedMongoServer;
import fr.relais.hub.support.Api;
import fr.relais.hub.support.LiveClient;
import fr.relais.hub.support.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two hub nodes sharing one MongoDB-wire store and a real Redis server: cross-node delivery in seq
 * order, a node dying, Redis going away and coming back, access decisions kept in step.
 */
class TwoNodeClusterTest {
    static final String ADMIN_PASSWORD = "cluster-admin-password";

    RedisServerProcess redis;
    EmbeddedMongoServer mongo;
    ConfigurableApplicationContext nodeA;
    ConfigurableApplicationContext nodeB;
    Api apiA;
    Api apiB;
    String admin;
    String member;

    @BeforeEach
    void startCluster() {
        redis = RedisServerProcess.startOrSkip();
        mongo = EmbeddedMongoServer.inMemory();
        nodeA = startNode();
        nodeB = startNode();
        apiA = new Api(port(nodeA));
        apiB = new Api(port(nodeB));
        admin = apiA.token("admin", ADMIN_PASSWORD);
        apiA.post("/api/v1/users", admin, Map.of("username", "yann", "displayName", "Yann", "password", "correct-horse-battery",
                "federation", "29", "roles", List.of("MEMBER")));
        member = apiB.token("yann", "correct-horse-battery"); // the same account, known to both nodes
    }

    @AfterEach
    void stopCluster() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {nodeA, nodeB}) {
            if (node != null && node.isActive()) node.close();
        }
        if (mongo != null) mongo.close();
        if (redis != null) redis.close();
    }

    /** What one subscriber received on a channel topic, in arrival order. */
    static final class Received {
        final List<JsonNode> events = new CopyOnWriteArrayList<>();

        List<Long> seqs() {
            return events.stream().filter(e -> e.has("seq")).map(e -> e.get("seq").asLong()).toList();
        }
    }

    @Test
    void events_from_both_nodes_reach_subscribers_of_both_nodes_in_seq_order() throws Exception {
        Received onA = new Received();
        Received onB = new Received();
        try (LiveClient a = LiveClient.connect(apiA.ws(), admin); LiveClient b = LiveClient.connect(apiB.ws(), member)) {
            LiveClient.join(a.stomp.subscribeWithReceipt("/topic/channels.fed-29", f -> onA.events.add(Api.JSON.readTree(f.body()))));
            LiveClient.join(b.stomp.subscribeWithReceipt("/topic/channels.fed-29", f -> onB.events.add(Api.JSON.readTree(f.body()))));
            ExecutorService writers = Executors.newFixedThreadPool(2);
            writers.submit(() -> { for (int i = 0; i < 40; i++) a.sendAndAwaitReceipt("fed-29", "depuis A " + i, UUID.randomUUID().toString()); });
            writers.submit(() -> { for (int i = 0; i < 40; i++) b.sendAndAwaitReceipt("fed-29", "depuis B " + i, UUID.randomUUID().toString()); });
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            List<Long> stored = storedSeqs(apiA, admin, "fed-29");
            assertThat(stored).hasSize(80);
            await().atMost(Duration.ofSeconds(15)).until(() -> onA.seqs().size() == 80 && onB.seqs().size() == 80);
            assertThat(onA.seqs()).as("node A's subscriber").isEqualTo(stored);
            assertThat(onB.seqs()).as("node B's subscriber").isEqualTo(stored);
        }
    }

    @Test
    void when_a_node_dies_its_clients_resume_on_the_other_without_gap_or_duplicate() {
        Received seen = new Received();
        long lastSeen;
        try (LiveClient b = LiveClient.connect(apiB.ws(), member)) {
            LiveClient.join(b.stomp.subscribeWithReceipt("/topic/channels.fed-29", f -> seen.events.add(Api.JSON.readTree(f.body()))));
            for (int i = 0; i < 5; i++) post(apiA, admin, "avant la panne " + i);
            await().until(() -> seen.seqs().size() == 5);
            lastSeen = seen.seqs().get(4);
            nodeB.close(); // node B dies; its client's socket drops
            await().atMost(Duration.ofSeconds(10)).until(() -> !b.stomp.isOpen());
        }
        for (int i = 0; i < 5; i++) post(apiA, admin, "pendant la panne " + i);

        try (LiveClient again = LiveClient.connect(apiA.ws(), member)) {
            LiveClient.join(again.stomp.subscribeWithReceipt("/topic/channels.fed-29", f -> seen.events.add(Api.JSON.readTree(f.body()))));
            apiA.get("/api/v1/channels/fed-29/events?afterSeq=" + lastSeen, member).json().get("events").forEach(seen.events::add);
            post(apiA, admin, "après la reprise");
            List<Long> stored = storedSeqs(apiA, admin, "fed-29");
            await().until(() -> seen.seqs().stream().distinct().count() == stored.size());
            assertThat(seen.seqs().stream().distinct().sorted().toList()).isEqualTo(stored);
        }
    }

    @Test
    void without_redis_each_node_serves_its_own_and_catches_up_when_redis_returns() {
        Received onA = new Received();
        Received onB = new Received();
        try (LiveClient a = LiveClient.connect(apiA.ws(), admin); LiveClient b = LiveClient.connect(apiB.ws(), member)) {
            LiveClient.join(a.stomp.subscribeWithReceipt("/topic/channels.fed-29", f -> onA.events.add(Api.JSON.readTree(f.body()))));
            LiveClient.join(b.stomp.subscribeWithReceipt("/topic/channels.fed-29", f -> onB.events.add(Api.JSON.readTree(f.body()))));
            post(apiA, admin, "Redis est là");
            await().until(() -> onB.seqs().size() == 1);

            redis.stop();
            await().atMost(Duration.ofSeconds(10)).until(() -> health(apiA).contains("DEGRADED"));
            assertThat(apiA.get("/actuator/health", null).status()).isEqualTo(200);
            for (int i = 0; i < 3; i++) a.sendAndAwaitReceipt("fed-29", "sans Redis " + i, UUID.randomUUID().toString());
            await().until(() -> onA.seqs().size() == 4); // node A's own subscribers are still served

            redis.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> health(apiA).contains("\"UP\"") && health(apiB).contains("\"UP\""));
            // Node B fetches from MongoDB what crossed while Redis was away: its client need not reconnect.
            await().atMost(Duration.ofSeconds(15)).until(() -> onB.seqs().size() == 4);
            post(apiA, admin, "Redis est revenu");
            List<Long> stored = storedSeqs(apiA, admin, "fed-29");
            await().atMost(Duration.ofSeconds(10)).until(() -> onB.seqs().size() == stored.size());
            assertThat(onB.seqs()).isEqualTo(stored);
            assertThat(onA.seqs()).isEqualTo(stored);
        }
    }

    @Test
    void deactivating_someone_on_one_node_closes_their_connections_on_the_other_within_a_second() {
        String yannId = apiB.get("/api/v1/me", member).json().get("id").asString();
        try (LiveClient onB = LiveClient.connect(apiB.ws(), member).subscribeChannel("fed-29")) {
            assertThat(apiA.post("/api/v1/users/" + yannId + "/deactivate", admin, Map.of()).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(1)).until(() -> !onB.stomp.isOpen());
        }
        assertThat(apiB.get("/api/v1/channels", member).status()).isEqualTo(401);
    }

    @Test
    void lifting_an_exclusion_on_one_node_lets_the_person_back_in_on_the_other_within_a_second() {
        String yannId = apiB.get("/api/v1/me", member).json().get("id").asString();
        assertThat(apiA.post("/api/v1/channels/fed-29/exclusions", admin, Map.of("userId", yannId, "reason", "Hors charte"))
                .status()).isEqualTo(201);
        // Node B knows of the exclusion (and keeps it in memory): Yann is refused there.
        await().atMost(Duration.ofSeconds(1)).until(() -> apiB.get("/api/v1/channels/fed-29/messages", member).status() == 404);
        assertThat(canSubscribeAndSend(apiB, "fed-29")).isFalse();

        assertThat(apiA.delete("/api/v1/channels/fed-29/exclusions/" + yannId, admin).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(1)).until(() -> canSubscribeAndSend(apiB, "fed-29"));
        assertThat(apiB.get("/api/v1/channels/fed-29/messages", member).status()).isEqualTo(200);
    }

    /** Whether Yann, on a fresh connection to that node, gets receipts for a SUBSCRIBE and a SEND to the channel. */
    private boolean canSubscribeAndSend(Api api, String channelId) {
        try (LiveClient client = LiveClient.connect(api.ws(), member)) {
            client.stomp.subscribeWithReceipt("/topic/channels." + channelId, f -> { }).get(5, TimeUnit.SECONDS);
            client.stomp.sendWithReceipt("/app/channels." + channelId + ".send", Api.JSON.writeValueAsString(
                    Map.of("text", "de retour", "clientMessageId", UUID.randomUUID().toString()))).get(5, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException refused) {
            return false;
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no answer from node: " + e, e);
        }
    }

    @Test
    void members_added_on_one_node_are_known_to_the_other() {
        String yannId = apiB.get("/api/v1/me", member).json().get("id").asString();
        String id = apiA.post("/api/v1/channels", admin, Map.of("kind", "PRIVATE", "name", "Cellule riposte",
                "memberIds", List.of())).json().get("id").asString();
        // Node B looks the group up (and caches it) while Yann is not a member yet.
        assertThat(apiB.get("/api/v1/channels/" + id, member).status()).isEqualTo(404);
        assertThat(apiA.post("/api/v1/channels/" + id + "/members", admin, Map.of("userIds", List.of(yannId))).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(2)).until(() -> apiB.get("/api/v1/channels/" + id, member).status() == 200);
        try (LiveClient onB = LiveClient.connect(apiB.ws(), member).subscribeChannel(id)) {
            apiA.post("/api/v1/channels/" + id + "/messages", admin, Map.of("text", "Bienvenue dans la cellule"));
            onB.awaitChannelEvent(id, e -> "Bienvenue dans la cellule".equals(e.path("text").asString()));
        }
    }

    @Test
    void presence_is_known_on_every_node() {
        String yannId = apiB.get("/api/v1/me", member).json().get("id").asString();
        assertThat(apiA.get("/api/v1/presence?userIds=" + yannId, admin).json().get(yannId).asString()).isEqualTo("offline");
        try (LiveClient onB = LiveClient.connect(apiB.ws(), member)) {
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    apiA.get("/api/v1/presence?userIds=" + yannId, admin).json().get(yannId).asString().equals("online"));
        }
        await().atMost(Duration.ofSeconds(5)).until(() ->
                apiA.get("/api/v1/presence?userIds=" + yannId, admin).json().get(yannId).asString().equals("offline"));
    }

    @Test
    void failed_logins_count_across_nodes() {
        Map<String, String> wrong = Map.of("username", "yann", "password", "not-the-password");
        for (int i = 0; i < 2; i++) {
            assertThat(apiA.post("/api/v1/auth/token", null, wrong).status()).isEqualTo(401);
            assertThat(apiB.post("/api/v1/auth/token", null, wrong).status()).isEqualTo(401);
        }
        // Four failures in all, two per node: the account is locked on both nodes, even with the right password.
        Api.Response locked = apiA.post("/api/v1/auth/token", null, Map.of("username", "yann", "password", "correct-horse-battery"));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().get("code").asString()).isEqualTo("rate_limited");
    }

    private ConfigurableApplicationContext startNode() {
        return new SpringApplicationBuilder(RelaisApplication.class).run(
                "--server.port=0",
                "--relais.mongo.uri=" + mongo.connectionString() + "/relais",
                "--relais.mongo.data-dir=" + System.getProperty("java.io.tmpdir") + "/relais-cluster-" + UUID.randomUUID(),
                "--relais.cluster.redis-url=" + redis.url(),
                "--relais.cluster.hold-back-ms=1000",
                "--relais.security.token-secret=" + java.util.Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'b'),
                "--relais.security.admin-password=" + ADMIN_PASSWORD,
                "--relais.limits.sends-per-second=1000",
                "--relais.limits.sends-burst=1000",
                "--relais.security.rate-limits.login-failures-per-account=4",
                "--relais.security.rate-limits.login-attempts-per-minute=1000");
    }

    private static String health(Api api) {
        return api.get("/actuator/health", null).body();
    }

    private static void post(Api api, String token, String text) {
        Api.Response r = api.post("/api/v1/channels/fed-29/messages", token, Map.of("text", text));
        if (r.status() != 201) throw new AssertionError(r.toString());
    }

    private static List<Long> storedSeqs(Api api, String token, String channel) {
        List<Long> seqs = new ArrayList<>();
        api.get("/api/v1/channels/" + channel + "/events?afterSeq=0&limit=200", token).json().get("events")
                .forEach(e -> seqs.add(e.get("seq").asLong()));
        return seqs;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

}
