package fr.relais.sdk.stomp;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends the client's heart-beats (a bare end-of-line) when both sides asked for them.
 *
 * <p>Clients connect with {@code heart-beat:0,0} by default and then never need this; it only
 * matters for long-lived bots that override the header. Incoming heart-beats are tolerated by
 * the decoder but not policed: the server notices a dead peer on its own.
 */
final class OutgoingHeartBeat {

    private static final ScheduledExecutorService SCHEDULER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "stomp-heart-beat");
        thread.setDaemon(true);
        return thread;
    });

    private OutgoingHeartBeat() {
    }

    /**
     * Negotiated period in milliseconds per STOMP 1.2: the larger of what the client can send
     * and what the server wants, or 0 when either side declined.
     */
    static long periodMillis(String clientHeader, String serverHeader) {
        long clientCanSend = firstValue(clientHeader);
        long serverWants = secondValue(serverHeader);
        return clientCanSend == 0 || serverWants == 0 ? 0 : Math.max(clientCanSend, serverWants);
    }

    static ScheduledFuture<?> start(WebSocketWriter writer, long periodMillis) {
        return SCHEDULER.scheduleAtFixedRate(() -> {
            if (!writer.isOutputClosed()) {
                writer.sendText("\n");
            }
        }, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    private static long firstValue(String header) {
        return valueAt(header, 0);
    }

    private static long secondValue(String header) {
        return valueAt(header, 1);
    }

    private static long valueAt(String header, int index) {
        if (header == null) {
            return 0;
        }
        String[] parts = header.split(",");
        if (parts.length != 2) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(parts[index].trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
