package fr.relais.hub.realtime;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.springframework.web.socket.WebSocketMessage;

/**
 * A WebSocket text message whose UTF-8 bytes are already built: fan-out builds a frame's bytes once
 * per event and subscription id, and {@link EncodedTextSession} writes them without encoding each
 * character again for each subscriber.
 */
final class EncodedTextMessage implements WebSocketMessage<ByteBuffer> {
    private final byte[] utf8;

    EncodedTextMessage(byte[] utf8) {
        this.utf8 = utf8;
    }

    /** A fresh view each time: a write consumes its buffer's position, and one message may be written by several sessions. */
    @Override
    public ByteBuffer getPayload() {
        return ByteBuffer.wrap(utf8);
    }

    @Override
    public int getPayloadLength() {
        return utf8.length;
    }

    @Override
    public boolean isLast() {
        return true;
    }

    /** Copies the bytes into {@code target} at {@code offset}; returns the offset just past them. */
    int copyTo(byte[] target, int offset) {
        System.arraycopy(utf8, 0, target, offset, utf8.length);
        return offset + utf8.length;
    }

    String text() {
        return new String(utf8, StandardCharsets.UTF_8);
    }
}
