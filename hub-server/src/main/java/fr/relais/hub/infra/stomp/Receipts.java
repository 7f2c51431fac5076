package fr.relais.hub.infra.stomp;

import fr.relais.hub.realtime.WebSocketSessions;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
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
 * queues the receipt for the receipts thread, which takes every receipt waiting at once and writes a
 * connection's receipts as one WebSocket message: a publisher whose messages were stored in one batch
 * gets its receipts in one socket write instead of one each, with no message built per receipt.
 */
@Component
public class Receipts implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(Receipts.class);
    /** Most receipts taken at once, and the longest WebSocket message they are gathered into. */
    private static final int MAX_PER_ROUND = 1024;
    private static final int MAX_MESSAGE_BYTES = 16_384;
    private static final byte[] RECEIPT_ID = "RECEIPT\nreceipt-id:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = {'\n', '\n', 0};

    /** Looked up once (the channel is built after this bean): not per receipt. */
    private final Supplier<MessageChannel> clientOutbound;
    private final Supplier<WebSocketSessions> sessions;
    private final BlockingQueue<Stored> queue = new LinkedBlockingQueue<>();
    private final Thread writer;

    private record Stored(String sessionId, String receiptId) { }

    Receipts(@Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutbound,
             ObjectProvider<WebSocketSessions> sessions) {
        this.clientOutbound = SingletonSupplier.of(clientOutbound::getObject);
        this.sessions = SingletonSupplier.of(sessions::getObject);
        this.writer = new Thread(this::writeReceipts, "receipts");
        writer.setDaemon(true);
        writer.start();
    }

    /** A receipt in order with Spring's own frames to that session. */
    public void send(String sessionId, String receiptId) {
        StompHeaderAccessor receipt = StompHeaderAccessor.create(StompCommand.RECEIPT);
        receipt.setReceiptId(receiptId);
        receipt.setSessionId(sessionId);
        clientOutbound.get().send(MessageBuilder.createMessage(new byte[0], receipt.getMessageHeaders()));
    }

    /** The receipt of a write now durably stored: written soon, together with that connection's other waiting receipts. */
    public void sendStored(String sessionId, String receiptId) {
        queue.add(new Stored(sessionId, receiptId));
    }

    private void writeReceipts() {
        List<Stored> round = new ArrayList<>();
        Map<String, ByteArrayOutputStream> bySession = new LinkedHashMap<>();
        try {
            while (true) {
                round.add(queue.take());
                queue.drainTo(round, MAX_PER_ROUND - 1);
                try {
                    for (Stored receipt : round) {
                        ByteArrayOutputStream frames = bySession.computeIfAbsent(receipt.sessionId(), id -> new ByteArrayOutputStream(64));
                        byte[] id = StompHeaderValues.escape(receipt.receiptId()).getBytes(StandardCharsets.UTF_8);
                        if (frames.size() > 0 && frames.size() + RECEIPT_ID.length + id.length + END.length > MAX_MESSAGE_BYTES) {
                            sessions.get().sendEncoded(receipt.sessionId(), frames.toByteArray());
                            frames.reset();
                        }
                        frames.writeBytes(RECEIPT_ID);
                        frames.writeBytes(id);
                        frames.writeBytes(END);
                    }
                    bySession.forEach((sessionId, frames) -> sessions.get().sendEncoded(sessionId, frames.toByteArray()));
                } catch (RuntimeException bug) {
                    // The writes are stored whatever happens here; a client missing a receipt sees its message on catch-up.
                    log.error("Sending {} receipts failed", round.size(), bug);
                } finally {
                    round.clear();
                    bySession.clear();
                }
            }
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void destroy() {
        writer.interrupt();
    }
}
