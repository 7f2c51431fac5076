package fr.relais.hub.realtime.cluster;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * What travels between nodes: a small binary header and the event's JSON, already serialised by the
 * publishing node (receivers never re-serialise).
 *
 * <p>Layout: {@code kind(1) publishedAtMillis(8) seq(8) len+origin len+key len+target payload}, where
 * {@code key} is the channel id (channel events) or the destination, and {@code target} the user id
 * (personal events) or the queue.
 */
public record Envelope(Kind kind, String origin, long publishedAtMillis, String key, long seq, String target, byte[] payload) {
    public enum Kind {
        /** A stored channel event: {@code key} channel id, {@code seq} its number. */
        CHANNEL_EVENT,
        /** An unnumbered event for a topic: {@code key} the {@code /topic/...} destination. */
        TOPIC,
        /** A personal event: {@code key} the user id, {@code target} the queue. */
        USER,
        /** A control message for every node: {@code key} its type, payload its JSON. */
        CONTROL
    }

    public byte[] encode() {
        byte[] o = origin.getBytes(StandardCharsets.UTF_8);
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] t = target.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(1 + 8 + 8 + 4 * 3 + o.length + k.length + t.length + payload.length);
        b.put((byte) kind.ordinal()).putLong(publishedAtMillis).putLong(seq);
        b.putInt(o.length).put(o).putInt(k.length).put(k).putInt(t.length).put(t);
        b.put(payload);
        return b.array();
    }

    public static Envelope decode(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        Kind kind = Kind.values()[b.get()];
        long at = b.getLong();
        long seq = b.getLong();
        String origin = string(b);
        String key = string(b);
        String target = string(b);
        byte[] payload = new byte[b.remaining()];
        b.get(payload);
        return new Envelope(kind, origin, at, key, seq, target, payload);
    }

    private static String string(ByteBuffer b) {
        byte[] s = new byte[b.getInt()];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }
}
