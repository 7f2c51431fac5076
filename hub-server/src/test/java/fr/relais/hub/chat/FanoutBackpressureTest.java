package fr.relais.hub.chat;

import static org.assertj.core.api.Assertions.assertThat;

import fr.relais.hub.support.HubIntegrationTest;
import fr.relais.hub.support.LiveClient;
import fr.relais.hub.support.World;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * While live delivery is behind ({@link FanoutPressure}: the fan-out's own signal is tested in
 * {@code realtime.FanoutShardsTest}; here the test decides it), a SEND is refused with an
 * {@code overloaded} error event, nothing is stored, and the connection stays usable: the same message
 * sent again once delivery has caught up is stored and delivered.
 */
@HubIntegrationTest
class FanoutBackpressureTest {
    static final AtomicBoolean BEHIND = new AtomicBoolean();

    @TestConfiguration(proxyBeanMethods = false)
    static class DeliveryBehind {
        @Bean
        @Primary
        FanoutPressure testPressure() {
            return BEHIND::get;
        }
    }

    @LocalServerPort
    int port;

    @Test
    void a_message_sent_while_delivery_is_behind_is_refused_with_overloaded_and_goes_through_afterwards() {
        World world = World.on(port);
        String id = "behind-" + UUID.randomUUID();
        try (LiveClient alice = LiveClient.connect(world.api.ws(), world.token("alice")).subscribeChannel("fed-29")) {
            BEHIND.set(true);
            alice.stomp.send("/app/channels.fed-29.send", "{\"text\":\"too early\",\"clientMessageId\":\"" + id + "\"}");
            alice.awaitError(e -> "overloaded".equals(e.path("code").asString()));
            assertThat(world.api.get("/api/v1/channels/fed-29/messages?limit=20", world.token("alice")).json().toString())
                    .as("nothing stored").doesNotContain(id);

            BEHIND.set(false);
            alice.sendAndAwaitReceipt("fed-29", "on time", id);
            alice.awaitChannelEvent("fed-29", e -> id.equals(e.path("clientMessageId").asString()));
        } finally {
            BEHIND.set(false);
        }
    }
}
