package fr.relais.hub.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.relais.hub.chat.ChatLimits;
import fr.relais.hub.infra.stomp.StompLimits;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;

/**
 * The fan-out with sockets that block while writing (what a slow network does), to see what happens to
 * events that are waiting: they count as delivery being behind, and they skip subscriptions removed
 * meanwhile.
 */
class FanoutShardsTest {
    private static final String TOPIC = "/topic/channels.fed-29";
    private static final byte[] EVENT = "{\"type\":\"message.created\"}".getBytes(StandardCharsets.UTF_8);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final WebSocketSessions sockets = new WebSocketSessions(new StompLimits(0, 0, 0, 0, 0, 0, 0), registry);
    private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    private final FanoutShards shards = new FanoutShards(beans.getBeanProvider(TopicSubscriptions.class),
            beans.getBeanProvider(WebSocketSessions.class), registry, new ChatLimits(0, 0, 0, 0, null, 1));
    private final TopicSubscriptions topics = new TopicSubscriptions(shards, sockets, registry);
    private final CountDownLatch release = new CountDownLatch(1);

    FanoutShardsTest() {
        beans.registerSingleton("topics", topics);
        beans.registerSingleton("sockets", sockets);
    }

    @AfterEach
    void stop() {
        release.countDown();
        shards.destroy();
    }

    @Test
    void frames_waiting_for_stuck_sockets_count_as_behind_until_they_are_written() throws Exception {
        subscribe(socket("s1", true));
        subscribe(socket("s2", true));
        assertThat(shards.saturated()).isFalse();

        shards.deliver(TOPIC, EVENT); // one event, two frames, both stuck writing
        assertThat(shards.saturated()).as("two frames waiting, limit 1").isTrue();
        assertThat(registry.get("relais.fanout.backlog").gauge().value()).isEqualTo(2);

        release.countDown();
        await().untilAsserted(() -> assertThat(shards.saturated()).isFalse());
        assertThat(registry.get("relais.fanout.backlog").gauge().value()).isZero();
    }

    @Test
    void a_subscription_removed_while_an_event_is_being_written_does_not_receive_it() throws Exception {
        subscribe(socket("slow", true));
        String later = sameShardAs("slow");
        WebSocketSession excluded = socket(later, false);
        subscribe(excluded);

        shards.deliver(TOPIC, EVENT); // the shard writes to "slow" first and waits there
        topics.remove(later, "sub-0"); // e.g. its member excluded from the channel meanwhile
        release.countDown();

        await().untilAsserted(() -> assertThat(registry.get("relais.fanout.backlog").gauge().value()).isZero());
        verify(excluded, never()).sendMessage(any());
    }

    private void subscribe(WebSocketSession socket) throws Exception {
        sockets.decorate(mock(WebSocketHandler.class)).afterConnectionEstablished(socket);
        topics.add(socket.getId(), "sub-0", TOPIC);
    }

    /** A session id that the fan-out puts in the same shard, so it is written after the other. */
    private String sameShardAs(String sessionId) {
        for (int i = 0; ; i++) {
            if (topics.shardOf("s" + i) == topics.shardOf(sessionId) && !("s" + i).equals(sessionId)) return "s" + i;
        }
    }

    private WebSocketSession socket(String id, boolean stuck) throws Exception {
        WebSocketSession socket = mock(WebSocketSession.class);
        when(socket.getId()).thenReturn(id);
        when(socket.isOpen()).thenReturn(true);
        if (stuck) {
            doAnswer(call -> {
                release.await();
                return null;
            }).when(socket).sendMessage(any());
        }
        return socket;
    }
}
