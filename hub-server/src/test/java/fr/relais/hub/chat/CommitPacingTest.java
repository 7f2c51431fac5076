package fr.relais.hub.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.relais.hub.support.Api;
import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.LiveClient;
import fr.relais.hub.support.World;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Group commit with a pace: messages that arrive while a batch was just stored wait for the next one
 * together, instead of each starting its own batch as soon as the writer is free. The interval is
 * long here so that the burst certainly arrives within it; the default is 2 ms.
 */
@HubIntegrationTest
@TestPropertySource(properties = "relais.limits.commit-interval=1500ms")
class CommitPacingTest {
    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry registry;

    @Test
    void messages_sent_right_after_a_commit_are_stored_together_in_the_next_batch() {
        World world = World.on(port);
        String prefix = "paced-" + UUID.randomUUID() + "-";
        try (LiveClient alice = LiveClient.connect(world.api.ws(), world.token("alice"))) {
            double batchesBefore = batches();
            alice.sendAndAwaitReceipt("fed-29", "first", prefix + "first"); // a batch was just stored

            List<CompletableFuture<?>> receipts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String body = Api.JSON.writeValueAsString(Map.of("text", "burst " + i, "clientMessageId", prefix + i));
                receipts.add(alice.stomp.sendWithReceipt("/app/channels.fed-29.send", body));
            }
            receipts.forEach(LiveClient::join);

            // A batch is counted just after its receipts are sent, so the count is awaited: one batch for
            // the first message, one for the whole burst (committing back to back makes several).
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(batches() - batchesBefore).as("batches: the first message, then the burst").isEqualTo(2));
        }
    }

    private double batches() {
        return registry.get("relais.store.batch.latency").timer().count();
    }
}
