package fr.relais.hub.infra.stomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;

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
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompDecoder;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;

/**
 * Receipts of stored messages, with one connection whose socket blocks (a slow network): the receipts
 * that pile up meanwhile reach each connection together, in order, as frames Spring's own decoder reads.
 */
class ReceiptsTest {
    private final WebSocketSessions sockets = new WebSocketSessions(new StompLimits(0, 0, 0, 0, 0, 0, 0), new SimpleMeterRegistry());
    private final DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
    private final Receipts receipts;
    private final CountDownLatch writing = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    ReceiptsTest() {
        beans.registerSingleton("sockets", sockets);
        receipts = new Receipts(beans.getBeanProvider(MessageChannel.class), beans.getBeanProvider(WebSocketSessions.class));
    }

    @AfterEach
    void stop() {
        release.countDown();
        receipts.destroy();
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

    /** The receipt ids of the RECEIPT frames in one WebSocket message, read by Spring's STOMP decoder. */
    private static List<String> receiptIds(String message) {
        return new StompDecoder().decode(ByteBuffer.wrap(message.getBytes(StandardCharsets.UTF_8))).stream()
                .map(frame -> StompHeaderAccessor.wrap(frame))
                .peek(headers -> assertThat(headers.getCommand()).isEqualTo(StompCommand.RECEIPT))
                .map(StompHeaderAccessor::getReceiptId).toList();
    }

    private void open(WebSocketSession socket) throws Exception {
        sockets.decorate(mock(WebSocketHandler.class)).afterConnectionEstablished(socket);
    }
}
