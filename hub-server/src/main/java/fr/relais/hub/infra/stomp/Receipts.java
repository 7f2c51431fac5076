package fr.relais.hub.infra.stomp;

import java.nio.charset.StandardCharsets;
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
 *
 * <p>Two ways. {@link #send} goes through Spring's outbound channel, in order with the frames Spring
 * itself sends (CONNECTED, then a SUBSCRIBE's receipt). {@link #sendStored}, for stored messages,
 * hands the ready frame to {@link SessionFrames}, which writes a connection's waiting receipts as one
 * WebSocket message, with no Spring message built per receipt.
 */
@Component
public class Receipts {
    private static final byte[] RECEIPT_ID = "RECEIPT\nreceipt-id:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = {'\n', '\n', 0};

    /** Looked up once (the channel is built after this bean): not per receipt. */
    private final Supplier<MessageChannel> clientOutbound;
    private final SessionFrames frames;

    Receipts(@Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutbound, SessionFrames frames) {
        this.clientOutbound = SingletonSupplier.of(clientOutbound::getObject);
        this.frames = frames;
    }

    /** A receipt in order with Spring's own frames to that session. */
    public void send(String sessionId, String receiptId) {
        StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
        receipt.setReceiptId(receiptId);
        receipt.setSessionId(sessionId);
        clientOutbound.get().send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
    }

    /** The receipt of a write now durably stored: written soon, together with that connection's other waiting frames. */
    public void sendStored(String sessionId, String receiptId) {
        byte[] id = StompHeaderValues.escape(receiptId).getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[RECEIPT_ID.length + id.length + END.length];
        System.arraycopy(RECEIPT_ID, 0, frame, 0, RECEIPT_ID.length);
        System.arraycopy(id, 0, frame, RECEIPT_ID.length, id.length);
        System.arraycopy(END, 0, frame, RECEIPT_ID.length + id.length, END.length);
        frames.send(sessionId, frame);
    }
}
