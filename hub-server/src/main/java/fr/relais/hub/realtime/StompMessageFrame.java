package fr.relais.hub.realtime;

import fr.relais.hub.infra.stomp.StompHeaderValues;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A STOMP MESSAGE frame built once per event, as UTF-8 bytes: everything but the {@code subscription}
 * header, which is the only part that differs between subscribers. Per subscription id, fan-out
 * only copies bytes (and most subscribers of a topic share a few ids). Error events are built the same
 * way ({@code infra.stomp.SessionErrors}).
 */
public final class StompMessageFrame {
    private static final AtomicLong MESSAGE_IDS = new AtomicLong();

    private final byte[] head;
    private final byte[] tail;

    public StompMessageFrame(String destination, byte[] jsonBody) {
        this.head = ("MESSAGE\ndestination:" + StompHeaderValues.escape(destination)
                + "\ncontent-type:application/json\nmessage-id:" + Long.toString(MESSAGE_IDS.incrementAndGet(), 36)
                + "\ncontent-length:" + jsonBody.length + "\nsubscription:").getBytes(StandardCharsets.UTF_8);
        this.tail = new byte[2 + jsonBody.length + 1];
        tail[0] = '\n';
        tail[1] = '\n';
        System.arraycopy(jsonBody, 0, tail, 2, jsonBody.length);
        tail[tail.length - 1] = 0;
    }

    EncodedTextMessage forSubscription(String escapedSubscriptionId) {
        return new EncodedTextMessage(bytesFor(escapedSubscriptionId));
    }

    /** The whole frame, ending with its NUL, for one subscription id (escaped already). */
    public byte[] bytesFor(String escapedSubscriptionId) {
        byte[] id = escapedSubscriptionId.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[head.length + id.length + tail.length];
        System.arraycopy(head, 0, frame, 0, head.length);
        System.arraycopy(id, 0, frame, head.length, id.length);
        System.arraycopy(tail, 0, frame, head.length + id.length, tail.length);
        return frame;
    }
}
