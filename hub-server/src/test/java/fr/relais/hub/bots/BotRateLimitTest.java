package fr.relais.hub.bots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.relais.hub.support.Api;
import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.LiveClient;
import fr.relais.hub.support.World;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Bots have their own SEND budget: a burst a person's connection may not send goes through for a bot. */
@HubIntegrationTest
class BotRateLimitTest {
    @LocalServerPort
    int port;

    @Test
    void a_bot_connection_has_its_own_larger_burst() {
        World world = World.on(port);
        Api api = world.api;
        String token = api.post("/api/v1/bots", world.token("admin"), Map.of("username", "relais-rate-bot",
                "displayName", "Relais", "channelIds", List.of("fed-29"))).json().get("token").asString();
        int burst = 150; // above the test hub's human burst (100), within the bot burst (200)
        assertThat(sendBurst(api, token, burst)).as("refused frames for the bot").isZero();
        assertThat(sendBurst(api, world.token("alice"), burst)).as("refused frames for a person").isPositive();
    }

    private static long sendBurst(Api api, String token, int frames) {
        try (LiveClient client = LiveClient.connect(api.ws(), token)) {
            AtomicInteger stored = new AtomicInteger();
            for (int i = 0; i < frames; i++) {
                String body = Api.JSON.writeValueAsString(Map.of("text", "burst " + i, "clientMessageId", UUID.randomUUID().toString()));
                client.stomp.sendWithReceipt("/app/channels.fed-29.send", body).thenRun(stored::incrementAndGet);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> stored.get() + refused(client) == frames);
            return refused(client);
        }
    }

    private static long refused(LiveClient client) {
        return client.errors().stream().filter(e -> "rate_limited".equals(e.path("code").asString())).count();
    }
}
