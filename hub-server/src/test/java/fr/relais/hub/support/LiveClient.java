package fr.relais.hub.support;

import static org.awaitility.Awaitility.await;

import fr.relais.sdk.stomp.StompClient;
import fr.relais.sdk.stomp.StompFrame;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * A person's live connection: a real STOMP-over-WebSocket client that records every event it
 * receives, per destination, so tests can wait for what a user would see.
 */
public final class LiveClient implements AutoCloseable {
    public final StompClient stomp;
    private final Map<String, List<JsonNode>> received = new java.util.concurrent.ConcurrentHashMap<>();

    private LiveClient(StompClient stomp) {
        this.stomp = stomp;
    }

    public static LiveClient connect(URI ws, String token) {
        LiveClient client = new LiveClient(StompClient.connectBlocking(ws, token));
        client.subscribe("/user/queue/errors");
        client.subscribe("/user/queue/events");
        return client;
    }

    /** Subscribes and waits for the server's receipt, so nothing published afterwards is missed. */
    public LiveClient subscribe(String destination) {
        List<JsonNode> events = received.computeIfAbsent(destination, d -> new CopyOnWriteArrayList<>());
        join(stomp.subscribeWithReceipt(destination, frame -> events.add(Api.JSON.readTree(frame.body()))));
        return this;
    }

    public LiveClient subscribeChannel(String channelId) {
        return subscribe("/topic/channels." + channelId);
    }

    public List<JsonNode> events(String destination) {
        return new ArrayList<>(received.getOrDefault(destination, List.of()));
    }

    public List<JsonNode> channelEvents(String channelId) {
        return events("/topic/channels." + channelId);
    }

    public List<JsonNode> errors() {
        return events("/user/queue/errors");
    }

    public JsonNode awaitEvent(String destination, Predicate<JsonNode> match) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> events(destination).stream().filter(match).findFirst().orElse(null), e -> e != null);
    }

    public JsonNode awaitChannelEvent(String channelId, Predicate<JsonNode> match) {
        return awaitEvent("/topic/channels." + channelId, match);
    }

    public JsonNode awaitError(Predicate<JsonNode> match) {
        return awaitEvent("/user/queue/errors", match);
    }

    /** Sends a message and waits for its receipt (which the hub sends only once the message is stored). */
    public StompFrame sendAndAwaitReceipt(String channelId, String text, String clientMessageId) {
        String body = Api.JSON.writeValueAsString(Map.of("text", text, "clientMessageId", clientMessageId));
        return join(stomp.sendWithReceipt("/app/channels." + channelId + ".send", body));
    }

    public static <T> T join(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no answer from the hub: " + e, e);
        }
    }

    @Override
    public void close() {
        stomp.close();
    }
}
