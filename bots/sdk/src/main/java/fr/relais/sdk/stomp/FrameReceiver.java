package fr.relais.sdk.stomp;

import java.io.ByteArrayOutputStream;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * WebSocket listener that turns incoming messages into STOMP frames.
 *
 * <p>The JDK hands large messages over in pieces ({@code last == false}); pieces are gathered
 * until the message is complete and only then decoded, so a big MESSAGE body is scanned once.
 * The decoder itself keeps any frame left unfinished at the end of a message, which covers
 * servers that split one frame over several messages.
 */
final class FrameReceiver implements WebSocket.Listener {

    interface Handler {
        void onOpen(WebSocket webSocket);

        void onFrame(StompFrame frame);

        void onClosed(int statusCode, String reason);

        void onFailure(Throwable failure);
    }

    private final Handler handler;
    private final StompFrameDecoder decoder = new StompFrameDecoder();
    private final StringBuilder textPieces = new StringBuilder();
    private final ByteArrayOutputStream binaryPieces = new ByteArrayOutputStream();

    FrameReceiver(Handler handler) {
        this.handler = handler;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        handler.onOpen(webSocket);
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!last) {
            textPieces.append(data);
        } else if (textPieces.isEmpty()) {
            decodeAndDispatch(data);
        } else {
            textPieces.append(data);
            decodeAndDispatch(textPieces);
            textPieces.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        binaryPieces.writeBytes(bytes);
        if (last) {
            decodeAndDispatch(binaryPieces.toString(StandardCharsets.UTF_8));
            binaryPieces.reset();
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        handler.onClosed(statusCode, reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        handler.onFailure(error);
    }

    private void decodeAndDispatch(CharSequence text) {
        List<StompFrame> frames;
        try {
            frames = decoder.feed(text);
        } catch (MalformedFrameException e) {
            handler.onFailure(e);
            return;
        }
        for (StompFrame frame : frames) {
            handler.onFrame(frame);
        }
    }
}
