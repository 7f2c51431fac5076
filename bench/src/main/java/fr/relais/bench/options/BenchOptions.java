package fr.relais.bench.options;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Everything a fan-out run needs, after parsing and defaults.
 *
 * @param rates              offered publish rates in messages per second, one round each
 * @param subscriberAccounts member accounts the subscriber connections share; 0 means all
 *                           connections use the admin account
 * @param prewarm            extra warm-up before the first rate only: a freshly started hub
 *                           spends its first minute compiling (JIT), which would be billed
 *                           to the first measured window
 * @param serverPid          hub process whose CPU time is measured, or 0 to skip that measure
 * @param clientThreads      threads running the WebSocket callbacks of all bench connections
 */
public record BenchOptions(
        URI baseUrl,
        String adminUsername,
        String adminPassword,
        String channelId,
        String federation,
        int subscribers,
        int subscriberAccounts,
        String subscriberPassword,
        int publishers,
        List<Integer> rates,
        Duration prewarm,
        Duration warmup,
        Duration duration,
        Duration drainTimeout,
        int textLength,
        boolean receipts,
        long serverPid,
        int clockTicksPerSecond,
        int connectConcurrency,
        int clientThreads) {

    public URI webSocketUri() {
        String scheme = baseUrl.getScheme().equals("https") ? "wss" : "ws";
        return URI.create(scheme + "://" + baseUrl.getAuthority() + "/ws");
    }

    public String topic() {
        return "/topic/channels." + channelId;
    }

    public String sendDestination() {
        return "/app/channels." + channelId + ".send";
    }
}
