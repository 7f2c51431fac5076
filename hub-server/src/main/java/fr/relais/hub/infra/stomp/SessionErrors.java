package fr.relais.hub.infra.stomp;

import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.realtime.StompMessageFrame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Non-fatal errors for one connection: a MESSAGE on {@code /user/queue/errors} of that session only,
 * {@code {"type":"error","code","message","receiptId"?,"clientMessageId"?,"destination"?}}. The
 * connection stays open; the client correlates by receipt id or clientMessageId.
 *
 * <p>The error always goes to the connection whose frame caused it, which is on this node, so it is
 * built as bytes here and written by {@link SessionFrames} to each of that connection's subscriptions
 * to the errors queue (kept by {@code realtime.SubscriptionTracker}), rather than through Spring's
 * user-destination resolution, broker and encoder. Past capacity the hub refuses thousands of SENDs a
 * second; each refusal should cost less than storing the message would have. A connection that is not
 * subscribed gets nothing, as with Spring's broker.
 */
@Component
public class SessionErrors {
    public static final String DESTINATION = "/user/queue/errors";

    /** Each connection's subscriptions to the errors queue: usually one. */
    private final Map<String, List<Subscription>> subscriptions = new ConcurrentHashMap<>();
    private final SessionFrames frames;
    private final JsonMapper json;

    private record Subscription(String id, String escapedId) { }

    SessionErrors(SessionFrames frames, JsonMapper json) {
        this.frames = frames;
        this.json = json;
    }

    /** An authorised SUBSCRIBE to {@link #DESTINATION}. */
    public void subscribed(String sessionId, String subscriptionId) {
        Subscription added = new Subscription(subscriptionId, StompHeaderValues.escape(subscriptionId));
        subscriptions.compute(sessionId, (id, current) -> {
            List<Subscription> next = current == null ? new ArrayList<>(1) : new ArrayList<>(current);
            next.removeIf(s -> s.id().equals(subscriptionId));
            next.add(added);
            return List.copyOf(next);
        });
    }

    /** An UNSUBSCRIBE, of whatever destination: only the subscription id is known. */
    public void unsubscribed(String sessionId, String subscriptionId) {
        subscriptions.computeIfPresent(sessionId, (id, current) -> {
            List<Subscription> next = new ArrayList<>(current);
            next.removeIf(s -> s.id().equals(subscriptionId));
            return next.isEmpty() ? null : List.copyOf(next);
        });
    }

    public void closed(String sessionId) {
        subscriptions.remove(sessionId);
    }

    public void send(String sessionId, ErrorCode code, String message, @Nullable String receiptId,
                     @Nullable String clientMessageId, @Nullable String destination) {
        List<Subscription> listening = subscriptions.get(sessionId);
        if (listening == null) return;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "error");
        payload.put("code", code.code());
        payload.put("message", message);
        if (receiptId != null) payload.put("receiptId", receiptId);
        if (clientMessageId != null) payload.put("clientMessageId", clientMessageId);
        if (destination != null) payload.put("destination", destination);
        StompMessageFrame frame = new StompMessageFrame(DESTINATION, json.writeValueAsBytes(payload));
        for (Subscription s : listening) frames.send(sessionId, frame.bytesFor(s.escapedId()));
    }
}
