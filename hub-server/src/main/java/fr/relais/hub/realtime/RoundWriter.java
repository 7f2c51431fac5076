package fr.relais.hub.realtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.socket.WebSocketSession;

/**
 * Writes one round of a fan-out shard: the events taken from its queue at once. One event is written
 * frame by frame. Several events (the shard had fallen behind) are grouped by socket first, and a
 * socket's waiting frames go out as one WebSocket text message of several STOMP frames, up to
 * {@code relais.limits.fanout-coalesce-bytes}: on loopback a socket write costs more than building and
 * parsing the frames it carries, so under load this is most of what a delivery costs. STOMP allows it
 * (a frame ends at its NUL byte, not at the end of a WebSocket message), and stomp.js, the SDK and
 * Spring's decoder all read several frames from one message.
 *
 * <p>A socket's frames keep their order, and a subscription removed before its frame is written does
 * not receive it, as in the frame-by-frame path. Used by one shard thread only, so its maps are reused
 * from round to round.
 */
final class RoundWriter {
    private final int maxCoalescedBytes;
    /** The round's frames by socket, in order; and the sockets in the order they first appear. */
    private final Map<WebSocketSession, List<Pending>> bySocket = new IdentityHashMap<>();
    private final List<WebSocketSession> sockets = new ArrayList<>();
    /** The frames of the message being built for one socket. */
    private final List<EncodedTextMessage> chunk = new ArrayList<>();
    private int frames;
    private int messages;

    private record Pending(TopicSubscriptions.Subscriber subscriber, EncodedTextMessage frame) { }

    /** @param maxCoalescedBytes the longest WebSocket message made of several frames; 0: one frame per message */
    RoundWriter(int maxCoalescedBytes) {
        this.maxCoalescedBytes = maxCoalescedBytes;
    }

    /** Frames written in the last round. */
    int framesWritten() {
        return frames;
    }

    /** WebSocket messages (socket writes) in the last round: as many as frames unless some were coalesced. */
    int messagesWritten() {
        return messages;
    }

    void write(List<FanoutShards.Delivery> round, WebSocketSessions open) {
        frames = 0;
        messages = 0;
        if (round.size() == 1 || maxCoalescedBytes == 0) {
            for (FanoutShards.Delivery delivery : round) writeEach(delivery, open);
        } else {
            try {
                group(round);
                for (WebSocketSession socket : sockets) writeTogether(socket, bySocket.get(socket), open);
            } finally {
                bySocket.clear();
                sockets.clear();
            }
        }
    }

    private void writeEach(FanoutShards.Delivery delivery, WebSocketSessions open) {
        // Subscribers using the same subscription id (clients number them alike) share one frame.
        Map<String, EncodedTextMessage> bySubscriptionId = new HashMap<>(8);
        for (TopicSubscriptions.Subscriber s : delivery.targets()) {
            WebSocketSession socket = s.socket();
            if (s.removed() || socket == null || !socket.isOpen()) continue;
            if (open.send(socket, bySubscriptionId.computeIfAbsent(s.escapedSubscriptionId(), delivery.frame()::forSubscription))) {
                frames++;
                messages++;
            }
        }
    }

    private void group(List<FanoutShards.Delivery> round) {
        for (FanoutShards.Delivery delivery : round) {
            Map<String, EncodedTextMessage> bySubscriptionId = new HashMap<>(8);
            for (TopicSubscriptions.Subscriber s : delivery.targets()) {
                WebSocketSession socket = s.socket();
                if (socket == null) continue;
                List<Pending> waiting = bySocket.get(socket);
                if (waiting == null) {
                    waiting = new ArrayList<>(4);
                    bySocket.put(socket, waiting);
                    sockets.add(socket);
                }
                waiting.add(new Pending(s, bySubscriptionId.computeIfAbsent(s.escapedSubscriptionId(), delivery.frame()::forSubscription)));
            }
        }
    }

    private void writeTogether(WebSocketSession socket, List<Pending> waiting, WebSocketSessions open) {
        if (!socket.isOpen()) return;
        int next = 0;
        while (next < waiting.size()) {
            int bytes = 0;
            for (; next < waiting.size(); next++) {
                Pending p = waiting.get(next);
                // Checked here, not when grouping: an earlier socket's write may have taken a while.
                if (p.subscriber().removed()) continue;
                int length = p.frame().getPayloadLength();
                if (!chunk.isEmpty() && bytes + length > maxCoalescedBytes) break;
                bytes += length;
                chunk.add(p.frame());
            }
            if (chunk.isEmpty()) return;
            int count = chunk.size();
            EncodedTextMessage message = count == 1 ? chunk.getFirst() : concatenate(chunk, bytes);
            chunk.clear();
            if (!open.send(socket, message)) return;
            frames += count;
            messages++;
        }
    }

    private static EncodedTextMessage concatenate(List<EncodedTextMessage> frames, int bytes) {
        byte[] joined = new byte[bytes];
        int at = 0;
        for (EncodedTextMessage frame : frames) at = frame.copyTo(joined, at);
        return new EncodedTextMessage(joined);
    }
}
