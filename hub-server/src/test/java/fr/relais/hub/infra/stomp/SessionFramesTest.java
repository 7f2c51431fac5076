package fr.relais.hub.infra.stomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.realtime.TestSockets;
import fr.relais.hub.realtime.WebSocketSessions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import tools.jackson.databind.json.JsonMapper;

/**
 * Frames written straight to a connection: receipts of stored messages, with one connection whose
 * socket blocks (a slow network), reach each connection together and in order; error events reach
 * the connection's errors subscription while it lasts. Read back with Spring's own STOMP decoder.
 */
class SessionFramesTest {
    private final WebSocketSessions sockets = new WebSocketSessions(new StompLimits(0, 0, 0, 0, 0, 0, 0), new SimpleMeterRegistry());
    private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    private final SessionFrames frames;
    private final Receipts receipts;
    private final CountDownLatch writing = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    SessionFramesTest() {
        beans.registerSingleton("sockets", sockets);
        frames = new SessionFrames(beans.getBeanProvider(WebSocketSessions.class));
        receipts = new Receipts(beans.getBeanProvider(MessageChannel.class), frames);
    }

    @AfterEach
    void stop() {
        release.countDown();
        frames.destroy();
    }

    @Test
    void receipts_waiting_for_a_connection_reach_it_in_one_message_in_order() throws Exception {
        open(TestSockets.stuck("slow", writing, release));
        List<String> received = new CopyOnWriteArrayList<>();
        open(TestSockets.recording("publisher", received));

        receipts.sendStored("slow", "r-0");
        writing.await(); // the receipts thread is stuck writing to "slow"
        receipts.sendStored("publisher", "send-1");
        receipts.sendStored("slow", "r-1");
        receipts.sendStored("publisher", "send:2"); // a colon is escaped on the wire
        receipts.sendStored("gone", "send-3"); // a connection closed meanwhile: skipped
        receipts.sendStored("publisher", "send-4");
        release.countDown();

        await().untilAsserted(() -> assertThat(received).hasSize(1));
        assertThat(receiptIds(received.getFirst())).containsExactly("send-1", "send:2", "send-4");
    }

    @Test
    void an_error_event_reaches_the_connections_errors_subscription_while_it_is_subscribed() throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        open(TestSockets.recording("publisher", received));
        SessionErrors errors = new SessionErrors(frames, JsonMapper.builder().build());

        errors.send("publisher", ErrorCode.OVERLOADED, "not listening yet", "send-1", "c-1", "/app/channels.fed-29.send");
        errors.subscribed("publisher", "errors:1");
        errors.send("publisher", ErrorCode.OVERLOADED, "Le hub est saturé", "send-2", "c-2", "/app/channels.fed-29.send");
        await().untilAsserted(() -> assertThat(received).hasSize(1));
        errors.unsubscribed("publisher", "errors:1");
        errors.send("publisher", ErrorCode.OVERLOADED, "not listening any more", "send-3", "c-3", "/app/channels.fed-29.send");
        receipts.sendStored("publisher", "send-4"); // queued after the third error: it would arrive first
        await().untilAsserted(() -> assertThat(received).hasSize(2));

        Message<byte[]> error = decode(received.get(0)).getFirst();
        StompHeaderAccessor headers = StompHeaderAccessor.wrap(error);
        assertThat(headers.getCommand()).isEqualTo(StompCommand.MESSAGE);
        assertThat(headers.getDestination()).isEqualTo("/user/queue/errors");
        assertThat(headers.getSubscriptionId()).isEqualTo("errors:1");
        assertThat(new String(error.getPayload(), StandardCharsets.UTF_8)).isEqualTo("""
                {"type":"error","code":"overloaded","message":"Le hub est saturé","receiptId":"send-2",\
                "clientMessageId":"c-2","destination":"/app/channels.fed-29.send"}""");
        assertThat(receiptIds(received.get(1))).containsExactly("send-4");
    }

    private static List<Message<byte[]>> decode(String message) {
        return new StompDecoder().decode(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8)));
    }

    /** The receipt ids of the RECEIPT frames in one WebSocket message, read by Spring's STOMP decoder. */
    private static List<String> receiptIds(String message) {
        return decode(message).stream()
                .map(frame -> StompHeaderAccessor.wrap(frame))
                .peek(headers -> assertThat(headers.getCommand()).isEqualTo(StompCommand.RECEIPT))
                .map(StompHeaderAccessor::getReceiptId).toList();
    }

    private void open(WebSocketSession socket) throws Exception {
        sockets.decorate(mock(WebSocketHandler.class)).afterConnectionEstablished(socket);
    }
}
