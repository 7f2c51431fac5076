package fr.relais.bench.load;

import fr.relais.bench.hub.BenchAccounts;
import fr.relais.bench.measure.DeliveryTracker;
import fr.relais.bench.options.BenchOptions;
import fr.relais.sdk.stomp.StompClient;
import fr.relais.sdk.stomp.StompFrame;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The subscriber connections, each on its channel of the {@link ChannelPlan} (and, in idle mode,
 * on the idle topics too).
 *
 * <p>A subscription is only useful once the hub has registered it, otherwise the first
 * messages look lost. When the hub answers SUBSCRIBE receipts they are awaited; when it does
 * not (Spring's simple broker does not by itself), the fleet waits a fixed settling time.
 */
public final class SubscriberFleet implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RECEIPT_PROBE = Duration.ofSeconds(5);
    private static final Duration SETTLE_WITHOUT_RECEIPTS = Duration.ofSeconds(3);

    private final List<StompClient> clients;
    private final int failedConnections;
    private final boolean subscribeReceipts;
    private final AtomicInteger closedByServer = new AtomicInteger();
    private volatile boolean closing;

    private SubscriberFleet(List<StompClient> clients, int failedConnections, boolean subscribeReceipts) {
        this.clients = clients;
        this.failedConnections = failedConnections;
        this.subscribeReceipts = subscribeReceipts;
        for (StompClient client : clients) {
            client.closed().thenRun(() -> {
                if (!closing) {
                    closedByServer.incrementAndGet();
                }
            });
        }
    }

    /** A topic every subscriber also listens to, with its own handler (the live scenario's {@code /topic/live.<id>}). */
    public record ExtraTopic(String destination, FrameHandler handler) {
    }

    /** Receives the frames of an {@link ExtraTopic}; runs on a WebSocket listener thread. */
    @FunctionalInterface
    public interface FrameHandler {
        void onFrame(int subscriber, StompFrame frame);
    }

    public static SubscriberFleet open(BenchOptions options, ChannelPlan plan, BenchAccounts accounts, HttpClient http,
                                       DeliveryTracker tracker) throws Exception {
        return open(options, plan, accounts, http, tracker, List.of(), 0, plan.subscribers());
    }

    /** Every subscriber on its plan channel and on {@code extraTopic}, or {@code null} for none. */
    public static SubscriberFleet open(BenchOptions options, ChannelPlan plan, BenchAccounts accounts, HttpClient http,
                                       DeliveryTracker tracker, ExtraTopic extraTopic) throws Exception {
        return open(options, plan, accounts, http, tracker, List.of(), extraTopic, 0, plan.subscribers());
    }

    /**
     * Opens subscribers {@code from} (inclusive) to {@code to} (exclusive), each on its plan
     * channel and on {@code extraChannels}.
     */
    public static SubscriberFleet open(BenchOptions options, ChannelPlan plan, BenchAccounts accounts, HttpClient http,
                                       DeliveryTracker tracker, List<String> extraChannels, int from, int to)
            throws Exception {
        return open(options, plan, accounts, http, tracker, extraChannels, null, from, to);
    }

    private static SubscriberFleet open(BenchOptions options, ChannelPlan plan, BenchAccounts accounts, HttpClient http,
                                        DeliveryTracker tracker, List<String> extraChannels, ExtraTopic extraTopic,
                                        int from, int to) throws Exception {
        Opener opener = new Opener(options, plan, accounts, http, tracker, extraChannels, extraTopic);
        List<StompClient> clients = new ArrayList<>();
        int failed = 0;
        // The first subscriber finds out whether the server confirms subscriptions.
        StompClient first = opener.open(from, true);
        boolean receipts = opener.receiptsAnswered;
        clients.add(first);
        Semaphore permits = new Semaphore(options.connectConcurrency());
        try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<StompClient>> pending = new ArrayList<>();
            for (int i = from + 1; i < to; i++) {
                int index = i;
                pending.add(virtualThreads.submit(() -> {
                    permits.acquire();
                    try {
                        return opener.open(index, receipts);
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Future<StompClient> future : pending) {
                try {
                    clients.add(future.get());
                } catch (ExecutionException e) {
                    failed++;
                    if (failed <= 5) {
                        System.err.println("subscriber connection failed: " + e.getCause());
                    }
                }
            }
        }
        if (!receipts) {
            Thread.sleep(SETTLE_WITHOUT_RECEIPTS.toMillis());
        }
        return new SubscriberFleet(List.copyOf(clients), failed, receipts);
    }

    public int connected() {
        return clients.size();
    }

    /** The open connections, in subscriber order (a failed one leaves no gap). */
    public List<StompClient> clients() {
        return clients;
    }

    public int failedConnections() {
        return failedConnections;
    }

    public boolean subscribeReceipts() {
        return subscribeReceipts;
    }

    /** Connections the hub ended while the bench still wanted them. */
    public int closedByServer() {
        return closedByServer.get();
    }

    /** Polite DISCONNECT on every connection, in parallel: one at a time would take minutes. */
    @Override
    public void close() {
        closing = true;
        try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            clients.forEach(client -> virtualThreads.submit(client::disconnect));
        }
    }

    /** Opens one connection and subscribes it, using the shared HttpClient and tracker. */
    private static final class Opener {

        private final BenchOptions options;
        private final ChannelPlan plan;
        private final BenchAccounts accounts;
        private final HttpClient http;
        private final DeliveryTracker tracker;
        private final List<String> extraChannels;
        private final ExtraTopic extraTopic;
        private volatile boolean receiptsAnswered;
        private volatile int probeIndex = -1;

        Opener(BenchOptions options, ChannelPlan plan, BenchAccounts accounts, HttpClient http, DeliveryTracker tracker,
               List<String> extraChannels, ExtraTopic extraTopic) {
            this.options = options;
            this.plan = plan;
            this.accounts = accounts;
            this.http = http;
            this.tracker = tracker;
            this.extraChannels = List.copyOf(extraChannels);
            this.extraTopic = extraTopic;
        }

        StompClient open(int index, boolean withReceipt) throws Exception {
            if (probeIndex < 0) {
                probeIndex = index;
            }
            String channel = plan.channelOfSubscriber(index);
            URI server = plan.urlOfSubscriber(index);
            // Connections of one channel take its accounts in turn.
            int indexInChannel = index / plan.channels().size();
            StompClient client = StompClient.connect(http, BenchOptions.webSocketUri(server),
                            accounts.subscriberHeaders(channel, indexInChannel),
                            Map.of("Origin", server.toString()))
                    .get(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Map<String, Consumer<StompFrame>> topics = new LinkedHashMap<>();
            topics.put(BenchOptions.topic(channel), frame -> tracker.onMessage(index, frame));
            extraChannels.forEach(extra -> topics.put(BenchOptions.topic(extra), frame -> tracker.onMessage(index, frame)));
            if (extraTopic != null) {
                topics.put(extraTopic.destination(), frame -> extraTopic.handler().onFrame(index, frame));
            }
            if (!withReceipt) {
                topics.forEach(client::subscribe);
                return client;
            }
            try {
                for (Map.Entry<String, Consumer<StompFrame>> topic : topics.entrySet()) {
                    client.subscribeWithReceipt(topic.getKey(), topic.getValue())
                            .get(index == probeIndex ? RECEIPT_PROBE.toSeconds() : CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                }
                receiptsAnswered = true;
            } catch (TimeoutException e) {
                if (index != probeIndex) {
                    throw e;
                }
                topics.entrySet().stream().skip(1).forEach(topic -> client.subscribe(topic.getKey(), topic.getValue()));
                System.err.println("note: the server does not answer SUBSCRIBE receipts; waiting "
                        + SETTLE_WITHOUT_RECEIPTS.toSeconds() + " s for subscriptions to settle instead");
            }
            return client;
        }
    }
}
