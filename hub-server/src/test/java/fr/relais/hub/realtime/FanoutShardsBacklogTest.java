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

/** The fan-out reports that delivery is behind while events wait for their writes, and not after. */
class FanoutShardsBacklogTest {

    @Test
    void an_event_waiting_for_a_stuck_socket_counts_as_behind_until_its_write_completes() throws Exception {
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
            WebSocketSession stuck = mock(WebSocketSession.class);
            when(stuck.getId()).thenReturn("s1");
            when(stuck.isOpen()).thenReturn(true);
            doAnswer(call -> {
                release.await();
                return null;
            }).when(stuck).sendMessage(any());
            sockets.decorate(mock(WebSocketHandler.class)).afterConnectionEstablished(stuck);
            topics.add("s1", "sub-0", "/topic/channels.fed-29");
            byte[] event = "{\"type\":\"message.created\"}".getBytes(StandardCharsets.UTF_8);

            shards.deliver("/topic/channels.fed-29", event); // taken by the shard, stuck writing
            assertThat(shards.saturated()).as("one event waiting, limit 1").isFalse();
            shards.deliver("/topic/channels.fed-29", event);
            assertThat(shards.saturated()).as("two events waiting, limit 1").isTrue();

            release.countDown();
            await().untilAsserted(() -> assertThat(shards.saturated()).isFalse());
            assertThat(registry.get("relais.fanout.backlog").gauge().value()).isZero();
        } finally {
            shards.destroy();
        }
    }
}
