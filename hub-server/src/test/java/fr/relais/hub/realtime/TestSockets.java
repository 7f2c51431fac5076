package fr.relais.hub.realtime;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * Stand-ins for the network under a WebSocket session, for tests of what the hub writes: an open
 * socket, one that records the text of each message written to it, one whose writes block (a slow
 * network) until released.
 */
public final class TestSockets {
    private TestSockets() {
    }

    public static WebSocketSession open(String id) {
        WebSocketSession socket = mock(WebSocketSession.class);
        when(socket.getId()).thenReturn(id);
        when(socket.isOpen()).thenReturn(true);
        return socket;
    }

    /** Each message written is added to {@code received}, as text. */
    public static WebSocketSession recording(String id, List<String> received) throws IOException {
        WebSocketSession socket = open(id);
        doAnswer(call -> {
            received.add(call.<TextMessage>getArgument(0).getPayload());
            return null;
        }).when(socket).sendMessage(any());
        return socket;
    }

    /** Each write counts {@code writing} down, then blocks until {@code release} opens. */
    public static WebSocketSession stuck(String id, CountDownLatch writing, CountDownLatch release) throws IOException {
        WebSocketSession socket = open(id);
        doAnswer(call -> {
            writing.countDown();
            release.await();
            return null;
        }).when(socket).sendMessage(any());
        return socket;
    }
}
