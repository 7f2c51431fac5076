package fr.relais.hub.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import fr.relais.hub.chat.ChatLimits;
import fr.relais.hub.infra.stomp.StompLimits;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;

/**
 * The fan-out with sockets that block while writing (what a slow network does), to see what happens to
 * events that are waiting: they count as delivery being behind, they skip subscriptions removed
 * meanwhile, and once the shard moves on each socket gets the frames waiting for it in one message.
 */
class FanoutShardsTest {
    private static final String TOPIC = "/topic/channels.fed-29";
    private static final byte[] EVENT = "{\"type\":\"message.created\"}".getBytes(StandardCharsets.UTF_8);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final WebSocketSessions sockets = new WebSocketSessions(new StompLimits(0, 0, 0, 0, 0, 0, 0), registry);
    private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    private final FanoutShards shards = new FanoutShards(beans.getBeanProvider(TopicSubscriptions.class),
            beans.getBeanProvider(WebSocketSessions.class), registry, new ChatLimits(0, 0, 0, 0, null, 1, COALESCE_LIMIT, null));
    private final TopicSubscriptions topics = new TopicSubscriptions(shards, sockets, registry);
    /** Two frames of {@link #event(int)} fit in one message, three do not. */
    private static final int COALESCE_LIMIT = new StompMessageFrame(TOPIC, event(0)).forSubscription("sub-0").getPayloadLength() * 5 / 2;
    private final CountDownLatch writing = new CountDownLatch(1);
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

    @Test
    void frames_waiting_for_a_socket_are_written_to_it_together_in_order_up_to_the_size_limit() throws Exception {
        subscribe(socket("slow", true));
        List<String> received = new CopyOnWriteArrayList<>();
        subscribe(TestSockets.recording(sameShardAs("slow"), received));

        shards.deliver(TOPIC, event(1));
        writing.await(); // the shard is stuck on "slow" with event 1
        for (int n = 2; n <= 4; n++) shards.deliver(TOPIC, event(n));
        release.countDown();

        await().untilAsserted(() -> assertThat(received).hasSize(3));
        assertThat(received).extracting(FanoutShardsTest::bodies)
                .containsExactly(List.of("{\"n\":1}"), List.of("{\"n\":2}", "{\"n\":3}"), List.of("{\"n\":4}"));
        await().untilAsserted(() -> assertThat(registry.get("relais.fanout.deliveries").counter().count()).isEqualTo(8));
        assertThat(registry.get("relais.fanout.writes").counter().count()).as("1 + 2 messages to each socket").isEqualTo(6);
    }

    @Test
    void a_subscription_removed_while_its_frames_wait_to_be_coalesced_receives_none_of_them() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        subscribe(TestSockets.recording("first", received));
        subscribe(socket(sameShardAs("first"), true)); // written after "first"

        shards.deliver(TOPIC, event(1));
        writing.await(); // "first" has event 1, the shard is stuck on the other socket
        shards.deliver(TOPIC, event(2));
        shards.deliver(TOPIC, event(3));
        topics.remove("first", "sub-0");
        release.countDown();

        await().untilAsserted(() -> assertThat(registry.get("relais.fanout.backlog").gauge().value()).isZero());
        assertThat(received).extracting(FanoutShardsTest::bodies).containsExactly(List.of("{\"n\":1}"));
        assertThat(registry.get("relais.fanout.deliveries").counter().count()).as("1 to first, 3 to the other").isEqualTo(4);
    }

    @Test
    void a_round_that_fails_does_not_stop_its_shard() throws Exception {
        WebSocketSession broken = socket("broken", false);
        when(broken.isOpen()).thenThrow(new IllegalArgumentException("a bug somewhere under the write"));
        subscribe(broken);
        shards.deliver(TOPIC, event(1));
        await().untilAsserted(() -> assertThat(registry.get("relais.fanout.backlog").gauge().value()).isZero());

        topics.remove("broken", "sub-0");
        List<String> received = new CopyOnWriteArrayList<>();
        subscribe(TestSockets.recording(sameShardAs("broken"), received));
        shards.deliver(TOPIC, event(2));
        await().untilAsserted(() -> assertThat(received).extracting(FanoutShardsTest::bodies).containsExactly(List.of("{\"n\":2}")));
    }

    private static byte[] event(int n) {
        return ("{\"n\":" + n + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** The bodies of the STOMP frames in one WebSocket message, read by Spring's own STOMP decoder. */
    private static List<String> bodies(String message) {
        return new StompDecoder().decode(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8))).stream()
                .map(frame -> new String(frame.getPayload(), StandardCharsets.UTF_8)).toList();
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
        return stuck ? TestSockets.stuck(id, writing, release) : TestSockets.open(id);
    }
}
