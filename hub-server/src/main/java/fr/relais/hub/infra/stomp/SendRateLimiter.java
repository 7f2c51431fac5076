package fr.relais.hub.infra.stomp;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * A token bucket per WebSocket connection for SEND frames: one flooding connection cannot starve the
 * others. Bot connections have their own (larger) limit.
 */
@Component
class SendRateLimiter {
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final StompLimits limits;

    SendRateLimiter(StompLimits limits) {
        this.limits = limits;
    }

    boolean tryAcquire(String sessionId, boolean bot) {
        int burst = bot ? limits.botSendsBurst() : limits.sendsBurst();
        int rate = bot ? limits.botSendsPerSecond() : limits.sendsPerSecond();
        return buckets.computeIfAbsent(sessionId, id -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(rate, Duration.ofSeconds(1)).build())
                .build()).tryConsume(1);
    }

    void forget(String sessionId) {
        if (sessionId != null) buckets.remove(sessionId);
    }

    @EventListener
    void onDisconnect(SessionDisconnectEvent event) {
        forget(event.getSessionId());
    }
}
