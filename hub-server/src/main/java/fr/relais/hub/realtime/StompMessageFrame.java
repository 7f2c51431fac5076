package fr.relais.hub.realtime;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A STOMP MESSAGE frame built once per event: everything but the {@code subscription} header, which
 * is the only part that differs between subscribers. Per subscriber, fan-out only concatenates.
 */
final class StompMessageFrame {
    private static final AtomicLong MESSAGE_IDS = new AtomicLong();

    private final String head;
    private final String tail;

    StompMessageFrame(String destination, byte[] jsonBody) {
        String body = new String(jsonBody, StandardCharsets.UTF_8);
        this.head = "MESSAGE\ndestination:" + escapeHeader(destination)
                + "\ncontent-type:application/json\nmessage-id:" + Long.toString(MESSAGE_IDS.incrementAndGet(), 36)
                + "\ncontent-length:" + jsonBody.length + "\nsubscription:";
        this.tail = "\n\n" + body + "\u0000";
    }

    String forSubscription(String escapedSubscriptionId) {
        return new StringBuilder(head.length() + escapedSubscriptionId.length() + tail.length())
                .append(head).append(escapedSubscriptionId).append(tail).toString();
    }

    /** STOMP 1.2 header value escaping. */
    static String escapeHeader(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf(':') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) return value;
        return value.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace(":", "\\c");
    }
}
