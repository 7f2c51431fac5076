package fr.relais.hub.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.relais.hub.support.Api;
import fr.relais.hub.support.LiveClient;
import fr.relais.hub.support.World;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Past what the store can take, new messages are refused with {@code overloaded} — and every message
 * that got a receipt is stored, none that was refused is. Run with each of the two limits that refuse
 * (too many writes waiting in one channel, a write waiting too long), set so low that a surge of 240
 * messages crosses them.
 */
abstract class OverloadScenario {
    @LocalServerPort
    int port;

    @Test
    void a_surge_past_the_limit_is_refused_and_every_acknowledged_message_is_kept() {
        World world = World.on(port);
        String prefix = "surge-" + UUID.randomUUID() + "-";
        List<LiveClient> clients = new ArrayList<>();
        AtomicInteger receipts = new AtomicInteger();
        int perClient = 60;
        try {
            for (String person : List.of("alice", "alice", "alice", "alice")) clients.add(LiveClient.connect(world.api.ws(), world.token(person)));
            for (int i = 0; i < perClient; i++) {
                for (int c = 0; c < clients.size(); c++) {
                    String body = Api.JSON.writeValueAsString(Map.of("text", "message " + i, "clientMessageId", prefix + c + "-" + i));
                    clients.get(c).stomp.sendWithReceipt("/app/channels.fed-29.send", body).whenComplete((r, e) -> {
                        if (e == null) receipts.incrementAndGet();
                    });
                }
            }
            int sent = perClient * clients.size();
            await().atMost(Duration.ofSeconds(20)).until(() -> receipts.get() + overloaded(clients) == sent);

            assertThat(overloaded(clients)).as("refused with overloaded").isPositive();
            assertThat(receipts.get()).as("stored and acknowledged").isPositive();
            assertThat(storedWithPrefix(world, prefix)).as("stored = acknowledged").isEqualTo(receipts.get());
            assertThat(clients).allSatisfy(c -> assertThat(c.stomp.isOpen()).isTrue());
        } finally {
            clients.forEach(LiveClient::close);
        }
    }

    private static long overloaded(List<LiveClient> clients) {
        return clients.stream().flatMap(c -> c.errors().stream()).filter(e -> "overloaded".equals(e.path("code").asString())).count();
    }

    private static long storedWithPrefix(World world, String prefix) {
        long count = 0;
        long after = 0;
        while (true) {
            JsonNode page = world.api.get("/api/v1/channels/fed-29/events?limit=200&afterSeq=" + after, world.token("alice")).json();
            for (JsonNode e : page.get("events")) {
                if (e.get("type").asString().equals("message.created") && e.path("clientMessageId").asString("").startsWith(prefix)) count++;
            }
            if (!page.get("hasMore").asBoolean()) return count;
            after = page.get("lastSeq").asLong();
        }
    }
}
