package fr.relais.hub.infra.stomp;

import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Sends STOMP RECEIPT frames. Spring's simple broker does not answer receipts on SEND, and a receipt
 * here means more than "frame received": controllers send it once the write is durably stored.
 */
@Component
public class Receipts {
    /** Looked up once (the channel is built after this bean): not per receipt. */
    private final Supplier<MessageChannel> clientOutbound;

    Receipts(@Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutbound) {
        this.clientOutbound = SingletonSupplier.of(clientOutbound::getObject);
    }

    public void send(String sessionId, String receiptId) {
        StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
        receipt.setReceiptId(receiptId);
        receipt.setSessionId(sessionId);
        clientOutbound.get().send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
    }
}
