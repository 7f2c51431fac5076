package fr.relais.sdk.stomp;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A STOMP 1.2 client over the JDK's {@link WebSocket}, without any framework.
 *
 * <p>Sends may come from any thread; they are written one after the other. Subscription
 * callbacks, ERROR listeners and receipt futures complete on the WebSocket listener thread:
 * they must not block, in particular not on another receipt of the same client, or the client
 * stops reading.
 */
public final class StompClient implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StompClient.class.getName());
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DISCONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final int ABNORMAL_CLOSURE = 1006;
    private static final int PROTOCOL_ERROR = 1002;

    private final URI uri;
    private final CompletableFuture<StompClient> connected = new CompletableFuture<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final Map<String, Consumer<StompFrame>> subscriptions = new ConcurrentHashMap<>();
    private final AtomicLong nextSubscriptionId = new AtomicLong();
    private final PendingReceipts receipts = new PendingReceipts();
    private final List<Consumer<StompFrame>> errorListeners = new CopyOnWriteArrayList<>();
    private final List<StompFrame> errors = new ArrayList<>();
    private final AtomicBoolean disconnecting = new AtomicBoolean();
    private volatile WebSocketWriter writer;
    private volatile String connectHeartBeat;
    private volatile ScheduledFuture<?> heartBeat;

    private StompClient(URI uri) {
        this.uri = uri;
    }

    /**
     * Opens the WebSocket and the STOMP session on a shared {@link HttpClient}.
     *
     * @param connectHeaders   extra CONNECT headers, e.g. {@code Authorization: Bearer ...}; they
     *                         override the defaults ({@code accept-version}, {@code host},
     *                         {@code heart-beat:0,0})
     * @param handshakeHeaders extra HTTP headers of the WebSocket upgrade, e.g. {@code Origin}
     * @return completes when CONNECTED arrives, or exceptionally with {@link StompErrorException}
     */
    public static CompletableFuture<StompClient> connect(URI uri, Map<String, String> connectHeaders,
                                                         Map<String, String> handshakeHeaders) {
        return connect(SharedHttpClient.INSTANCE, uri, connectHeaders, handshakeHeaders);
    }

    /**
     * Same as {@link #connect(URI, Map, Map)} on the given {@link HttpClient}: its executor runs
     * the callbacks, which lets load tests bound the number of client threads.
     */
    public static CompletableFuture<StompClient> connect(HttpClient httpClient, URI uri,
                                                         Map<String, String> connectHeaders,
                                                         Map<String, String> handshakeHeaders) {
        StompClient client = new StompClient(webSocketUri(uri));
        client.open(httpClient, connectHeaders, handshakeHeaders);
        return client.connected;
    }

    /** Connects with {@code Authorization: Bearer <token>} and waits up to 10 seconds. */
    public static StompClient connectBlocking(URI uri, String bearerToken) {
        CompletableFuture<StompClient> pending = connect(uri, Map.of("Authorization", "Bearer " + bearerToken), Map.of());
        try {
            return pending.get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw asStompError(e.getCause());
        } catch (TimeoutException e) {
            pending.thenAccept(StompClient::close);
            throw new StompTimeoutException("no CONNECTED from " + uri + " within " + CONNECT_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pending.thenAccept(StompClient::close);
            throw new StompTimeoutException("interrupted while connecting to " + uri);
        }
    }

    public Subscription subscribe(String destination, Consumer<StompFrame> onMessage) {
        Subscription subscription = register(destination, onMessage);
        sendFrame("SUBSCRIBE", subscribeHeaders(subscription));
        return subscription;
    }

    /** Subscribes and completes when the server confirms the SUBSCRIBE with a RECEIPT. */
    public CompletableFuture<StompFrame> subscribeWithReceipt(String destination, Consumer<StompFrame> onMessage) {
        Subscription subscription = register(destination, onMessage);
        return sendFrameWithReceipt("SUBSCRIBE", subscribeHeaders(subscription), "");
    }

    public void unsubscribe(Subscription subscription) {
        if (subscriptions.remove(subscription.id()) != null) {
            sendFrame("UNSUBSCRIBE", Map.of("id", subscription.id()));
        }
    }

    /** SEND with {@code content-type:application/json}. */
    public void send(String destination, String jsonBody) {
        Map<String, String> headers = sendHeaders(destination, jsonBody, Map.of());
        write(StompFrameCodec.encode(new StompFrame("SEND", headers, jsonBody)));
    }

    /**
     * SEND asking for a RECEIPT; completes when the RECEIPT arrives, exceptionally on ERROR or close.
     * The caller may complete the future itself (a timeout, an application error event quoting the
     * receipt id): the client then stops waiting for that receipt.
     */
    public CompletableFuture<StompFrame> sendWithReceipt(String destination, String jsonBody) {
        return sendWithReceipt(destination, jsonBody, Map.of());
    }

    /**
     * Like {@link #sendWithReceipt(String, String)}, with extra headers overriding the defaults.
     * A {@code receipt} header among them is used as the receipt id, which lets callers match
     * application-level errors that quote it.
     */
    public CompletableFuture<StompFrame> sendWithReceipt(String destination, String jsonBody,
                                                         Map<String, String> extraHeaders) {
        return sendFrameWithReceipt("SEND", sendHeaders(destination, jsonBody, extraHeaders), jsonBody);
    }

    /** Writes the text as is, for protocol tests that need malformed or oversized frames. */
    public void sendRaw(String rawFrameText) {
        write(rawFrameText);
    }

    /** Called with each ERROR frame received once connected. */
    public void onError(Consumer<StompFrame> listener) {
        errorListeners.add(Objects.requireNonNull(listener));
    }

    /** Completes with the WebSocket close status once the connection is over, whatever the reason. */
    public CompletableFuture<Integer> closed() {
        return closed;
    }

    public boolean isOpen() {
        return connected.isDone() && !connected.isCompletedExceptionally() && !closed.isDone()
                && !writer.isOutputClosed();
    }

    public List<StompFrame> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    /** Polite goodbye: DISCONNECT with a receipt, then a normal WebSocket close. Idempotent. */
    public void disconnect() {
        if (!disconnecting.compareAndSet(false, true) || !isOpen()) {
            return;
        }
        try {
            sendFrameWithReceipt("DISCONNECT", Map.of(), "")
                    .get(DISCONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(System.Logger.Level.DEBUG, "no RECEIPT for DISCONNECT from {0}: {1}", uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!closed.isDone()) {
            writer.sendClose(WebSocket.NORMAL_CLOSURE, "");
            try {
                closed.get(DISCONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.log(System.Logger.Level.DEBUG, "server did not answer the close from {0}", uri);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        close();
    }

    /** Drops the connection without DISCONNECT or close handshake, like a client losing its network. */
    @Override
    public void close() {
        WebSocketWriter current = writer;
        if (current != null && !closed.isDone()) {
            current.abort();
        }
        // abort() silences the listener, so nobody else will report the end of the connection.
        endConnection(ABNORMAL_CLOSURE, StompErrorException.closed(ABNORMAL_CLOSURE, "closed by client"));
    }

    @Override
    public String toString() {
        return "StompClient[" + uri + (isOpen() ? ", open]" : ", not open]");
    }

    private void open(HttpClient httpClient, Map<String, String> connectHeaders, Map<String, String> handshakeHeaders) {
        WebSocket.Builder builder = httpClient.newWebSocketBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .subprotocols("v12.stomp");
        handshakeHeaders.forEach(builder::header);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("accept-version", "1.2");
        headers.put("host", uri.getHost());
        headers.put("heart-beat", "0,0");
        headers.putAll(connectHeaders);
        connectHeartBeat = headers.get("heart-beat");
        String connectFrame = StompFrameCodec.encode(StompFrame.of("CONNECT", headers));
        builder.buildAsync(uri, new FrameReceiver(new Events()))
                .whenComplete((webSocket, failure) -> {
                    if (failure != null) {
                        endConnection(ABNORMAL_CLOSURE, handshakeFailure(failure));
                    } else if (closed.isDone()) {
                        webSocket.abort(); // close() was called while the handshake was running
                    } else {
                        write(connectFrame);
                    }
                });
    }

    private Subscription register(String destination, Consumer<StompFrame> onMessage) {
        Objects.requireNonNull(onMessage, "onMessage");
        Subscription subscription = new Subscription("sub-" + nextSubscriptionId.incrementAndGet(), destination);
        // Registered before SUBSCRIBE leaves, so the first MESSAGE cannot arrive unrouted.
        subscriptions.put(subscription.id(), onMessage);
        return subscription;
    }

    private static Map<String, String> subscribeHeaders(Subscription subscription) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("id", subscription.id());
        headers.put("destination", subscription.destination());
        headers.put("ack", "auto");
        return headers;
    }

    private static Map<String, String> sendHeaders(String destination, String body, Map<String, String> extraHeaders) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("destination", destination);
        headers.put("content-type", "application/json");
        headers.put("content-length", Integer.toString(StompFrameCodec.utf8Length(body)));
        headers.putAll(extraHeaders);
        return headers;
    }

    private void sendFrame(String command, Map<String, String> headers) {
        write(StompFrameCodec.encode(StompFrame.of(command, headers)));
    }

    private CompletableFuture<StompFrame> sendFrameWithReceipt(String command, Map<String, String> headers, String body) {
        Map<String, String> withReceipt = new LinkedHashMap<>(headers);
        String receiptId = withReceipt.computeIfAbsent("receipt", name -> receipts.newId());
        // Registered before writing: the RECEIPT can overtake the completion of the write.
        CompletableFuture<StompFrame> receipt = receipts.register(receiptId);
        write(StompFrameCodec.encode(new StompFrame(command, withReceipt, body)))
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        receipt.completeExceptionally(StompErrorException.connectionFailed(unwrap(failure)));
                    }
                });
        if (closed.isDone()) {
            receipt.completeExceptionally(StompErrorException.closed(closed.getNow(ABNORMAL_CLOSURE), "already closed"));
        }
        return receipt;
    }

    private CompletableFuture<WebSocket> write(String text) {
        WebSocketWriter current = writer;
        if (current == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("WebSocket not open yet: " + uri));
        }
        return current.sendText(text);
    }

    private void endConnection(int statusCode, StompErrorException cause) {
        ScheduledFuture<?> beating = heartBeat;
        if (beating != null) {
            beating.cancel(false);
        }
        connected.completeExceptionally(cause);
        receipts.failAll(cause);
        closed.complete(statusCode);
    }

    private static StompErrorException handshakeFailure(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof WebSocketHandshakeException rejected) {
            return StompErrorException.handshakeRejected(rejected.getResponse().statusCode(), rejected);
        }
        return StompErrorException.connectionFailed(cause);
    }

    private static StompErrorException asStompError(Throwable failure) {
        Throwable cause = unwrap(failure);
        return cause instanceof StompErrorException stompError ? stompError : StompErrorException.connectionFailed(cause);
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static URI webSocketUri(URI uri) {
        String scheme = uri.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            return uri;
        }
        try {
            return new URI("http".equalsIgnoreCase(scheme) ? "ws" : "wss", uri.getRawSchemeSpecificPart(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot turn " + uri + " into a WebSocket URI", e);
        }
    }

    /** Reactions to what the listener reads; all run on the WebSocket listener thread. */
    private final class Events implements FrameReceiver.Handler {

        @Override
        public void onOpen(WebSocket webSocket) {
            writer = new WebSocketWriter(webSocket);
        }

        @Override
        public void onFrame(StompFrame frame) {
            switch (frame.command()) {
                case "CONNECTED" -> onConnected(frame);
                case "MESSAGE" -> onMessage(frame);
                case "RECEIPT" -> receipts.complete(frame);
                case "ERROR" -> onErrorFrame(frame);
                default -> LOG.log(System.Logger.Level.DEBUG, "ignoring unexpected {0} frame", frame.command());
            }
        }

        @Override
        public void onClosed(int statusCode, String reason) {
            endConnection(statusCode, StompErrorException.closed(statusCode, reason));
        }

        @Override
        public void onFailure(Throwable failure) {
            int statusCode = failure instanceof MalformedFrameException ? PROTOCOL_ERROR : ABNORMAL_CLOSURE;
            if (failure instanceof MalformedFrameException && writer != null) {
                LOG.log(System.Logger.Level.WARNING, "malformed frame from " + uri + ", dropping the connection", failure);
                writer.abort();
            }
            endConnection(statusCode, StompErrorException.connectionFailed(failure));
        }

        private void onConnected(StompFrame frame) {
            long period = OutgoingHeartBeat.periodMillis(connectHeartBeat, frame.header("heart-beat"));
            if (period > 0) {
                heartBeat = OutgoingHeartBeat.start(writer, period);
            }
            connected.complete(StompClient.this);
        }

        private void onMessage(StompFrame frame) {
            String subscriptionId = frame.header("subscription");
            Consumer<StompFrame> consumer = subscriptionId == null ? null : subscriptions.get(subscriptionId);
            if (consumer == null) {
                return;
            }
            try {
                consumer.accept(frame);
            } catch (RuntimeException e) {
                // One faulty callback must not stop the reading of the whole connection.
                LOG.log(System.Logger.Level.WARNING, "subscription callback for " + subscriptionId + " failed", e);
            }
        }

        private void onErrorFrame(StompFrame frame) {
            synchronized (errors) {
                errors.add(frame);
            }
            StompErrorException error = StompErrorException.errorFrame(frame);
            if (!connected.isDone()) {
                connected.completeExceptionally(error);
                // Nobody holds this client yet, so end the socket here rather than leak it.
                writer.sendClose(WebSocket.NORMAL_CLOSURE, "");
                return;
            }
            // Listeners first: whoever wakes up on the failed receipt then finds the error already heard.
            for (Consumer<StompFrame> listener : errorListeners) {
                try {
                    listener.accept(frame);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "ERROR listener failed", e);
                }
            }
            String receiptId = frame.header("receipt-id");
            if (receiptId != null) {
                receipts.fail(receiptId, error);
            }
        }
    }

    /** One HttpClient for all default connections: each HttpClient owns a selector thread. */
    private static final class SharedHttpClient {
        static final HttpClient INSTANCE = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }
}
