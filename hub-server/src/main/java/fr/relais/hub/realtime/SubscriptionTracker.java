package fr.relais.hub.realtime;

import fr.relais.hub.infra.stomp.SessionErrors;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Counts accepted SENDs and keeps {@link TopicSubscriptions} and the errors queue's subscriptions
 * ({@link SessionErrors}) in step with SUBSCRIBE, UNSUBSCRIBE and DISCONNECT frames. Placed after the
 * gate on the inbound channel: a SUBSCRIBE reaches it only once authorised.
 */
@Component
public class SubscriptionTracker implements ChannelInterceptor {
    private final TopicSubscriptions subscriptions;
    private final SessionErrors errors;
    private final io.micrometer.core.instrument.Counter sendsIn;

    SubscriptionTracker(TopicSubscriptions subscriptions, SessionErrors errors, io.micrometer.core.instrument.MeterRegistry registry) {
        this.subscriptions = subscriptions;
        this.errors = errors;
        this.sendsIn = io.micrometer.core.instrument.Counter.builder("relais.messages.in")
                .description("SEND frames accepted by the gate").register(registry);
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || accessor.getCommand() == null || accessor.getSessionId() == null) return message;
        StompCommand command = accessor.getCommand();
        if (command == StompCommand.SEND) sendsIn.increment();
        else if (command == StompCommand.SUBSCRIBE && accessor.getDestination() != null && accessor.getSubscriptionId() != null) {
            if (accessor.getDestination().startsWith("/topic/")) {
                subscriptions.add(accessor.getSessionId(), accessor.getSubscriptionId(), accessor.getDestination());
            } else if (accessor.getDestination().equals(SessionErrors.DESTINATION)) {
                errors.subscribed(accessor.getSessionId(), accessor.getSubscriptionId());
            }
        } else if (command == StompCommand.UNSUBSCRIBE && accessor.getSubscriptionId() != null) {
            subscriptions.remove(accessor.getSessionId(), accessor.getSubscriptionId());
            errors.unsubscribed(accessor.getSessionId(), accessor.getSubscriptionId());
        } else if (command == StompCommand.DISCONNECT) {
            subscriptions.removeSession(accessor.getSessionId());
            errors.closed(accessor.getSessionId());
        }
        return message;
    }

    @EventListener
    void onDisconnect(SessionDisconnectEvent event) {
        subscriptions.removeSession(event.getSessionId());
        errors.closed(event.getSessionId());
    }
}
