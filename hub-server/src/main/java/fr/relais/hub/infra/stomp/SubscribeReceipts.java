package fr.relais.hub.infra.stomp;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.simp.user.UserDestinationMessageHandler;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;

/**
 * Answers a SUBSCRIBE's {@code receipt} header once the broker has registered the subscription (the
 * simple broker does not answer receipts). A client that waits for it knows that everything published
 * afterwards reaches it: the basis of gap-free catch-up (subscribe, await receipt, then fetch events).
 */
@Component
class SubscribeReceipts implements ExecutorChannelInterceptor {
    private final Receipts receipts;

    SubscribeReceipts(Receipts receipts) {
        this.receipts = receipts;
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler, Exception ex) {
        if (ex != null) return;
        StompHeaderAccessor accessor = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (accessor == null || accessor.getCommand() != StompCommand.SUBSCRIBE || accessor.getReceipt() == null) return;
        String destination = accessor.getDestination();
        boolean personal = destination != null && destination.startsWith("/user/");
        boolean registeredByThisHandler = personal ? handler instanceof UserDestinationMessageHandler
                : handler instanceof SimpleBrokerMessageHandler;
        if (registeredByThisHandler) receipts.send(accessor.getSessionId(), accessor.getReceipt());
    }
}
