package fr.relais.hub.realtime;

import fr.relais.hub.infra.stomp.StompLimits;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.SessionLimitExceededException;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;

/**
 * Every open WebSocket of this node, each wrapped once in a {@link ConcurrentWebSocketSessionDecorator}
 * that both Spring's STOMP handler and {@link FanoutShards} write through, so writes to one socket are
 * serialised whoever makes them.
 *
 * <p>Slow-client policy: a socket that has more than {@code relais.limits.outbound-buffer-bytes}
 * waiting, or whose send blocks longer than {@code outbound-time-limit-ms}, is closed (status 1008,
 * "policy violation"). Its client reconnects and catches up from its last seq; nobody else waits for it.
 */
@Component
public class WebSocketSessions implements WebSocketHandlerDecoratorFactory {
    private final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();
    private final StompLimits limits;
    private final Counter slowClientsDropped;

    public WebSocketSessions(StompLimits limits, MeterRegistry registry) {
        this.limits = limits;
        this.slowClientsDropped = Counter.builder("relais.fanout.slow.clients.dropped")
                .description("Connections closed because they could not keep up").register(registry);
        Gauge.builder("relais.connections", sessions, Map::size).description("Open WebSocket connections").register(registry);
    }

    Optional<WebSocketSession> find(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    /**
     * Writes a last frame (a STOMP ERROR) and closes the socket once that frame has really been
     * written. Spring closes right after queueing its own ERROR frames, which loses the frame when
     * another thread is writing to the same socket at that moment.
     */
    public void sendAndClose(String sessionId, String frame, CloseStatus status) {
        WebSocketSession session = sessions.get(sessionId);
        if (session == null) return;
        try {
            session.sendMessage(new org.springframework.web.socket.TextMessage(frame));
        } catch (IOException | RuntimeException e) {
            // closing anyway
        }
        closeWhenFlushed(session, status, System.nanoTime() + 2_000_000_000L);
    }

    private void closeWhenFlushed(WebSocketSession session, CloseStatus status, long deadline) {
        ConcurrentWebSocketSessionDecorator shared = (ConcurrentWebSocketSessionDecorator) session;
        boolean flushed = shared.getBufferSize() == 0 && shared.getTimeSinceSendStarted() == 0;
        if (flushed || System.nanoTime() > deadline || !session.isOpen()) {
            try {
                session.close(status);
            } catch (IOException ignored) {
                // already closed
            }
            return;
        }
        java.util.concurrent.CompletableFuture.delayedExecutor(5, java.util.concurrent.TimeUnit.MILLISECONDS)
                .execute(() -> closeWhenFlushed(session, status, deadline));
    }

    void droppedSlowClient() {
        slowClientsDropped.increment();
    }

    /**
     * Writes ready STOMP frames (UTF-8, each ending with its NUL) to one socket as one WebSocket text
     * message, without re-encoding them. False if the socket is gone, or was closed for being too slow.
     */
    public boolean sendEncoded(String sessionId, byte[] frames) {
        WebSocketSession socket = sessions.get(sessionId);
        return socket != null && socket.isOpen() && send(socket, new EncodedTextMessage(frames));
    }

    /** Writes to a socket of this node, applying the slow-client policy; false if nothing more should be written to it. */
    boolean send(WebSocketSession socket, WebSocketMessage<?> message) {
        try {
            socket.sendMessage(message);
            return true;
        } catch (SessionLimitExceededException slow) {
            droppedSlowClient(); // the decorator has closed it; the client will reconnect and catch up
        } catch (IOException | IllegalStateException broken) {
            try {
                socket.close(CloseStatus.SESSION_NOT_RELIABLE);
            } catch (IOException ignored) {
                // already gone
            }
        }
        return false;
    }

    public int count() {
        return sessions.size();
    }

    @Override
    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            /** Long frames arrive in parts; Spring's STOMP decoder reassembles them within the frame limit. */
            @Override
            public boolean supportsPartialMessages() {
                return true;
            }

            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                WebSocketSession shared = new ConcurrentWebSocketSessionDecorator(new EncodedTextSession(session), limits.outboundTimeLimitMs(),
                        limits.outboundBufferBytes(), ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE);
                sessions.put(session.getId(), shared);
                int configuredTextBuffer = session.getTextMessageSizeLimit();
                super.afterConnectionEstablished(shared);
                // Spring's STOMP handler raises the text buffer to 16,640 chars (32 KiB, held by every
                // idle connection) so that a whole frame fits in one WebSocket message; parts are
                // accepted here instead, so the small configured buffer is enough.
                if (session.getTextMessageSizeLimit() > configuredTextBuffer) session.setTextMessageSizeLimit(configuredTextBuffer);
            }

            @Override
            public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
                super.handleMessage(sessions.getOrDefault(session.getId(), session), message);
            }

            @Override
            public void handleTransportError(WebSocketSession session, Throwable exception) throws Exception {
                super.handleTransportError(sessions.getOrDefault(session.getId(), session), exception);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
                WebSocketSession shared = sessions.remove(session.getId());
                super.afterConnectionClosed(shared != null ? shared : session, closeStatus);
            }
        };
    }
}
