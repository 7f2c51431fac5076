package fr.relais.hub.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.relais.hub.chat.ChatLimits;
import fr.relais.hub.infra.stomp.StompLimits;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;

/** The fan-out reports that delivery is behind while frames wait to be written, and not after. */
class FanoutShardsBacklogTest {

    @Test
    void frames_waiting_for_stuck_sockets_count_as_behind_until_they_are_written() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        WebSocketSessions sockets = new WebSocketSessions(new StompLimits(0, 0, 0, 0, 0, 0, 0), registry);
        FanoutShards shards = new FanoutShards(beans.getBeanProvider(TopicSubscriptions.class),
                beans.getBeanProvider(WebSocketSessions.class), registry, new ChatLimits(0, 0, 0, 0, null, 1));
        TopicSubscriptions topics = new TopicSubscriptions(shards, sockets, registry);
        beans.registerSingleton("topics", topics);
        beans.registerSingleton("sockets", sockets);
        try {
            CountDownLatch release = new CountDownLatch(1);
            for (String id : new String[] {"s1", "s2"}) {
                sockets.decorate(mock(WebSocketHandler.class)).afterConnectionEstablished(stuckSocket(id, release));
                topics.add(id, "sub-0", "/topic/channels.fed-29");
            }
            byte[] event = "{\"type\":\"message.created\"}".getBytes(StandardCharsets.UTF_8);
            assertThat(shards.saturated()).isFalse();

            shards.deliver("/topic/channels.fed-29", event); // one event, two frames, both stuck writing
            assertThat(shards.saturated()).as("two frames waiting, limit 1").isTrue();
            assertThat(registry.get("relais.fanout.backlog").gauge().value()).isEqualTo(2);

            release.countDown();
            await().untilAsserted(() -> assertThat(shards.saturated()).isFalse());
            assertThat(registry.get("relais.fanout.backlog").gauge().value()).isZero();
        } finally {
            shards.destroy();
        }
    }

    private static WebSocketSession stuckSocket(String id, CountDownLatch release) throws Exception {
        WebSocketSession socket = mock(WebSocketSession.class);
        when(socket.getId()).thenReturn(id);
        when(socket.isOpen()).thenReturn(true);
        doAnswer(call -> {
            release.await();
            return null;
        }).when(socket).sendMessage(any());
        return socket;
    }
}
