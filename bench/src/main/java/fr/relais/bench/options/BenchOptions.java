package fr.relais.bench.options;

import fr.relais.bench.live.ReactionBurst;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything a run needs, after parsing and defaults.
 *
 * @param target             what is measured: the hub, or the plain Spring broker of {@code bench/baseline}
 *                           (no accounts, no receipts, no REST)
 * @param auth               whether connections authenticate (the hub needs it; the baseline has none)
 * @param channels           channels loaded by the fan-out rounds; subscriber {@code i} listens to
 *                           {@code channels[i % n]} and message {@code k} goes to {@code channels[k % n]}
 * @param subscriberUrls     servers the subscribers connect to, in turn (several nodes of one hub);
 *                           publishers always use {@code baseUrl}
 * @param rates              offered publish rates in messages per second, one round each
 * @param stopAtP99Millis    stop the rate ladder after the first round whose delivery p99 is above
 *                           this; 0 runs every rate
 * @param subscriberAccounts member accounts per federation the subscriber connections share; 0
 *                           means all connections use the admin account
 * @param prewarm            extra warm-up before the first rate only: a freshly started hub
 *                           spends its first minute compiling (JIT), which would be billed
 *                           to the first measured window
 * @param serverPid          server process whose CPU time and memory are measured, or 0 to skip
 * @param clientThreads      threads running the WebSocket callbacks of all bench connections
 * @param heapAfterRound     after each round, force a GC in the server ({@code jcmd}) and record
 *                           the live heap
 * @param verifyStored       after the last round, read every bench channel back over REST and
 *                           check that each acknowledged message is stored exactly once
 * @param idleConnections    idle mode: open this many connections (cumulative steps) instead of
 *                           running rates, and report server memory per connection
 * @param idleTopics         channels every idle connection subscribes to, besides its own one
 *                           from {@code channels}
 * @param resultsFile        where to append one tab-separated line per round (for CompareRuns)
 * @param label              names this run in the results file ("hub", "baseline", "hub-2-nodes")
 * @param live               live scenario: the first channel is live for the whole run (the hub's
 *                           admin starts the session before the rounds and ends it after), and every
 *                           subscriber also watches {@code /topic/live.<id>}
 * @param reactors           how many of the subscriber connections also send reactions (live only)
 * @param reactionBurst      how the reactors react (bursts)
 * @param liveSlowModeSeconds slow mode of the live session; the admin who publishes is exempt, so
 *                           it only adds the check to every post
 */
public record BenchOptions(
        URI baseUrl,
        Target target,
        boolean auth,
        String adminUsername,
        String adminPassword,
        List<String> channels,
        String federation,
        List<URI> subscriberUrls,
        int subscribers,
        int subscriberAccounts,
        String subscriberPassword,
        int publishers,
        List<Integer> rates,
        double stopAtP99Millis,
        Duration prewarm,
        Duration warmup,
        Duration duration,
        Duration drainTimeout,
        int textLength,
        boolean receipts,
        long serverPid,
        int clockTicksPerSecond,
        int connectConcurrency,
        int clientThreads,
        boolean heapAfterRound,
        boolean verifyStored,
        List<Integer> idleConnections,
        List<String> idleTopics,
        Path resultsFile,
        String label,
        boolean live,
        int reactors,
        ReactionBurst reactionBurst,
        int liveSlowModeSeconds) {

    /** The system under test. */
    public enum Target { HUB, BASELINE }

    public URI webSocketUri() {
        return webSocketUri(baseUrl);
    }

    public static URI webSocketUri(URI httpUrl) {
        String scheme = httpUrl.getScheme().equals("https") ? "wss" : "ws";
        return URI.create(scheme + "://" + httpUrl.getAuthority() + "/ws");
    }

    public boolean idleMode() {
        return !idleConnections.isEmpty();
    }

    public static String topic(String channelId) {
        return "/topic/channels." + channelId;
    }

    public static String sendDestination(String channelId) {
        return "/app/channels." + channelId + ".send";
    }
}
