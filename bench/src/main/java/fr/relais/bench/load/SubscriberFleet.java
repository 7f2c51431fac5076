package fr.relais.bench.load;

import fr.relais.bench.hub.BenchAccounts;
import fr.relais.bench.measure.DeliveryTracker;
import fr.relais.bench.options.BenchOptions;
import fr.relais.sdk.stomp.StompClient;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
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

/**
 * The subscriber connections, all on the bench channel.
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

    public static SubscriberFleet open(BenchOptions options, BenchAccounts accounts, HttpClient http,
                                       DeliveryTracker tracker) throws Exception {
        Opener opener = new Opener(options, accounts, http, tracker);
        List<StompClient> clients = new ArrayList<>();
        int failed = 0;
        // The first subscriber finds out whether the hub confirms subscriptions.
        StompClient first = opener.open(0, true);
        boolean receipts = opener.receiptsAnswered;
        clients.add(first);
        Semaphore permits = new Semaphore(options.connectConcurrency());
        try (ExecutorService virtualThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<StompClient>> pending = new ArrayList<>();
            for (int i = 1; i < options.subscribers(); i++) {
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
        private final BenchAccounts accounts;
        private final HttpClient http;
        private final DeliveryTracker tracker;
        private volatile boolean receiptsAnswered;

        Opener(BenchOptions options, BenchAccounts accounts, HttpClient http, DeliveryTracker tracker) {
            this.options = options;
            this.accounts = accounts;
            this.http = http;
            this.tracker = tracker;
        }

        StompClient open(int index, boolean withReceipt) throws Exception {
            StompClient client = StompClient.connect(http, options.webSocketUri(),
                            Map.of("Authorization", "Bearer " + accounts.tokenForSubscriber(index)),
                            Map.of("Origin", options.baseUrl().toString()))
                    .get(CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!withReceipt) {
                client.subscribe(options.topic(), frame -> tracker.onMessage(index, frame));
                return client;
            }
            try {
                client.subscribeWithReceipt(options.topic(), frame -> tracker.onMessage(index, frame))
                        .get(index == 0 ? RECEIPT_PROBE.toSeconds() : CONNECT_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                receiptsAnswered = true;
            } catch (TimeoutException e) {
                if (index != 0) {
                    throw e;
                }
                System.err.println("note: the hub does not answer SUBSCRIBE receipts; waiting "
                        + SETTLE_WITHOUT_RECEIPTS.toSeconds() + " s for subscriptions to settle instead");
            }
            return client;
        }
    }
}
