package fr.relais.sdk.stomp;

import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;

/**
 * Serialises writes on one WebSocket.
 *
 * <p>{@link WebSocket} accepts a single outstanding {@code sendText} at a time and throws
 * {@link IllegalStateException} otherwise, while our callers send from many threads. Each write
 * is therefore chained after the previous one; a failed write does not block the ones after it,
 * which then fail on their own if the socket is really gone.
 */
final class WebSocketWriter {

    private final WebSocket webSocket;
    private CompletableFuture<WebSocket> tail = CompletableFuture.completedFuture(null);

    WebSocketWriter(WebSocket webSocket) {
        this.webSocket = webSocket;
    }

    synchronized CompletableFuture<WebSocket> sendText(String text) {
        tail = tail.handle((ignored, failure) -> null)
                .thenCompose(ignored -> webSocket.sendText(text, true));
        return tail;
    }

    synchronized CompletableFuture<WebSocket> sendClose(int statusCode, String reason) {
        tail = tail.handle((ignored, failure) -> null)
                .thenCompose(ignored -> webSocket.sendClose(statusCode, reason));
        return tail;
    }

    boolean isOutputClosed() {
        return webSocket.isOutputClosed();
    }

    void abort() {
        webSocket.abort();
    }
}
