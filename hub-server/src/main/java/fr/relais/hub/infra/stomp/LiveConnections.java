package fr.relais.hub.infra.stomp;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.identity.AccessRevoked;
import fr.relais.hub.identity.User;
import fr.relais.hub.infra.security.UserAuthentication;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketHandlerDecoratorFactory;
import org.springframework.web.socket.messaging.SessionConnectEvent;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * The live WebSocket connections of this node, by user and hub session, so that a revocation takes effect on sockets already open (within milliseconds, not at the next frame):
 * <ul>
 *   <li>{@link AccessRevoked.SessionRevoked}: the connections opened with that session or token get an
 *       ERROR frame {@code code:session_revoked} and are closed;</li>
 *   <li>{@link AccessRevoked.UserDeactivated}, {@link AccessRevoked.RolesChanged}: every connection of the
 *       user gets an ERROR frame ({@code session_revoked}, {@code access_changed}) and is closed; a client
 *       whose account is still active reconnects and has each subscription authorised again;</li>
 *   <li>{@link AccessRevoked.MemberExcluded}: the connection stays open but its subscriptions to that
 *       channel are removed (server-side UNSUBSCRIBE) and the client gets an error event
 *       {@code code:excluded} on {@code /user/queue/errors} with the channel's destination.</li>
 * </ul>
 * Either way the connection's topic subscriptions are removed from the fan-out's registry at once,
 * which stops delivery even of an event already being written to other subscribers
 * ({@code realtime.TopicSubscriptions}).
 * The ERROR frame goes through the outbound channel like every frame (Spring closes the connection
 * after sending it); if the socket is still open a second later it is closed directly.
 */
@Component
public class LiveConnections implements WebSocketHandlerDecoratorFactory {
    private static final Logger log = LoggerFactory.getLogger(LiveConnections.class);

    /** Who is on one connection (its subscriptions are in the fan-out's registry). */
    record Live(User user, @Nullable String authSessionId) {
        String userId() {
            return user.id();
        }
    }

    private final Map<String, WebSocketSession> sockets = new ConcurrentHashMap<>();
    private final Map<String, Live> live = new ConcurrentHashMap<>();
    private final ObjectProvider<MessageChannel> clientOutbound;
    private final SessionErrors errors;

    /** The fan-out's own subscription registry: channel events bypass the broker (see realtime.FanoutShards). */
    private final ObjectProvider<fr.relais.hub.realtime.TopicSubscriptions> topics;

    LiveConnections(@Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutbound,
                 SessionErrors errors,
                 ObjectProvider<fr.relais.hub.realtime.TopicSubscriptions> topics) {
        this.topics = topics;
        this.clientOutbound = clientOutbound;
        this.errors = errors;
    }

    @Override
    public WebSocketHandler decorate(WebSocketHandler handler) {
        return new WebSocketHandlerDecorator(handler) {
            @Override
            public void afterConnectionEstablished(WebSocketSession session) throws Exception {
                sockets.put(session.getId(), session);
                super.afterConnectionEstablished(session);
            }

            @Override
            public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
                sockets.remove(session.getId());
                live.remove(session.getId());
                super.afterConnectionClosed(session, closeStatus);
            }
        };
    }

    /** How many authenticated connections this user has on this node (for tests and metrics). */
    public int connectionsOf(String userId) {
        return (int) live.values().stream().filter(l -> l.userId().equals(userId)).count();
    }

    @EventListener
    void onConnect(SessionConnectEvent event) {
        String sessionId = SimpMessageHeaderAccessor.getSessionId(event.getMessage().getHeaders());
        if (sessionId != null && event.getUser() instanceof UserAuthentication user) {
            live.put(sessionId, new Live(user.user(), user.sessionId()));
        }
    }

    @EventListener
    void onDisconnect(SessionDisconnectEvent event) {
        live.remove(event.getSessionId());
    }

    @EventListener
    void onRevoked(AccessRevoked event) {
        switch (event) {
            case AccessRevoked.SessionRevoked s -> closeWhere(l -> s.sessionId().equals(l.authSessionId()),
                    ErrorCode.SESSION_REVOKED.code(), "This session was revoked");
            case AccessRevoked.UserDeactivated d -> closeWhere(l -> l.userId().equals(d.userId()),
                    ErrorCode.SESSION_REVOKED.code(), "This account was deactivated");
            case AccessRevoked.RolesChanged r -> closeWhere(l -> l.userId().equals(r.userId()),
                    "access_changed", "Your roles changed; reconnect");
            case AccessRevoked.MemberExcluded x -> unsubscribe(x.userId(), "/topic/channels." + x.channelId());
        }
    }

    /**
     * Drops the user's subscriptions to one channel topic on every connection. Topic subscriptions live
     * only in the fan-out's registry (the simple broker handles personal queues), so removing them
     * there is the whole server-side UNSUBSCRIBE.
     */
    void unsubscribe(String userId, String destination) {
        live.forEach((sessionId, l) -> {
            if (!l.userId().equals(userId)) return;
            if (topics.getObject().removeDestination(sessionId, destination)) {
                errors.send(sessionId, ErrorCode.EXCLUDED, "You were excluded from this channel", null, null, destination);
            }
        });
    }

    private void closeWhere(java.util.function.Predicate<Live> which, String code, String text) {
        live.forEach((sessionId, l) -> {
            if (which.test(l)) close(sessionId, code, text);
        });
    }

    private void close(String sessionId, String code, String text) {
        live.remove(sessionId);
        topics.getObject().removeSession(sessionId); // nothing more is delivered while the socket closes
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setSessionId(sessionId);
        error.setMessage(text);
        error.setNativeHeader("code", code);
        error.setContentType(MimeTypeUtils.APPLICATION_JSON);
        String body = "{\"code\":\"" + code + "\",\"message\":\"" + text + "\"}";
        try {
            clientOutbound.getObject().send(MessageBuilder.createMessage(body.getBytes(StandardCharsets.UTF_8), error.getMessageHeaders()));
        } catch (RuntimeException e) {
            log.debug("Could not send the ERROR frame to {}", sessionId, e);
        }
        CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS).execute(() -> {
            WebSocketSession socket = sockets.get(sessionId);
            if (socket != null && socket.isOpen()) {
                try {
                    socket.close(CloseStatus.POLICY_VIOLATION);
                } catch (Exception e) {
                    log.debug("Could not close {}", sessionId, e);
                }
            }
        });
    }
}
