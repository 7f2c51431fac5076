package fr.relais.sdk.bot;

import fr.relais.sdk.stomp.StompClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A Relais bot: connects over STOMP with its bot token, registers its slash commands, follows channels
 * and personal events, and keeps doing so across network cuts and hub restarts.
 *
 * <ul>
 *   <li><b>Reconnect</b>: when the connection ends (not by {@link #close()}), it reconnects with
 *       exponential back-off (0.5 s doubling to 30 s, with jitter), forever.</li>
 *   <li><b>Resync</b>: on every (re)connect it subscribes to each followed channel <em>with a receipt</em>,
 *       then reads {@code GET /api/v1/channels/{id}/events?afterSeq=<last seq handled>} until
 *       {@code hasMore} is false; events are handed to the handler once per seq, in order.</li>
 *   <li><b>Commands</b>: invocations arrive as {@code command.invoked} personal events, and on every
 *       (re)connect the bot lists those still pending ({@code GET /api/v1/bots/me/invocations}), so
 *       nothing typed while it was away is lost. Answers are idempotent on the hub.</li>
 * </ul>
 * Handlers run on one worker thread of the bot, never on the WebSocket thread: they may call the hub.
 */
public final class RelaisBot implements AutoCloseable {
    private static final System.Logger log = System.getLogger(RelaisBot.class.getName());
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final HubRest rest;
    private final String token;
    private final Map<String, Function<Invocation, Reply>> commands;
    private final Map<String, String> descriptions;
    private final Set<String> channels;
    private final Consumer<ChannelEvent> onChannelEvent;
    private final Consumer<JsonNode> onPersonalEvent;
    private final SeqStore seqs;
    private final ExecutorService worker;
    private final ScheduledExecutorService timer;
    private final Set<String> handledInvocations = ConcurrentHashMap.newKeySet();
    private volatile StompClient stomp;
    private volatile boolean closing;
    private volatile int failures;
    private volatile Runnable onConnected = () -> { };

    private RelaisBot(Builder b) {
        this.rest = new HubRest(b.hub, b.token);
        this.token = b.token;
        this.commands = Map.copyOf(b.commands);
        this.descriptions = Map.copyOf(b.descriptions);
        this.channels = Set.copyOf(b.channels);
        this.onChannelEvent = b.onChannelEvent;
        this.onPersonalEvent = b.onPersonalEvent;
        this.seqs = b.seqs;
        this.worker = Executors.newSingleThreadExecutor(r -> daemon(r, "relais-bot-worker"));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "relais-bot-reconnect"));
    }

    public static Builder builder(URI hub, String botToken) {
        return new Builder(hub, botToken);
    }

    /** Keeps the last seq handled per channel; {@link #inMemory()} by default, {@code FileSeqStore} to survive the bot's restarts. */
    public interface SeqStore {
        long lastSeq(String channelId, long ifUnknown);

        void save(String channelId, long seq);

        static SeqStore inMemory() {
            Map<String, Long> map = new ConcurrentHashMap<>();
            return new SeqStore() {
                public long lastSeq(String channelId, long ifUnknown) {
                    return map.computeIfAbsent(channelId, c -> ifUnknown);
                }

                public void save(String channelId, long seq) {
                    map.merge(channelId, seq, Math::max);
                }
            };
        }
    }

    public static final class Builder {
        private final URI hub;
        private final String token;
        private final Map<String, Function<Invocation, Reply>> commands = new LinkedHashMap<>();
        private final Map<String, String> descriptions = new LinkedHashMap<>();
        private final List<String> channels = new ArrayList<>();
        private Consumer<ChannelEvent> onChannelEvent = e -> { };
        private Consumer<JsonNode> onPersonalEvent = e -> { };
        private SeqStore seqs = SeqStore.inMemory();

        private Builder(URI hub, String token) {
            this.hub = hub;
            this.token = token;
        }

        /** Registers {@code /name}; the handler's reply (null = none) is sent back to the hub. */
        public Builder command(String name, String description, Function<Invocation, Reply> handler) {
            commands.put(name, handler);
            descriptions.put(name, description);
            return this;
        }

        /** Follows a channel (the bot must be a member): its events reach {@link #onChannelEvent}. */
        public Builder follow(String channelId) {
            channels.add(channelId);
            return this;
        }

        public Builder onChannelEvent(Consumer<ChannelEvent> handler) {
            this.onChannelEvent = handler;
            return this;
        }

        /** Personal events other than command invocations ({@code relay.due}, mentions...). */
        public Builder onPersonalEvent(Consumer<JsonNode> handler) {
            this.onPersonalEvent = handler;
            return this;
        }

        public Builder seqStore(SeqStore store) {
            this.seqs = store;
            return this;
        }

        public RelaisBot build() {
            return new RelaisBot(this);
        }
    }

    /** The REST API with this bot's token. */
    public HubRest rest() {
        return rest;
    }

    /** Runs after each successful (re)connect and resync, on the worker thread. */
    public void onConnected(Runnable action) {
        this.onConnected = action;
    }

    /** Registers the commands, then connects (retrying in the background if the hub is not there yet). */
    public RelaisBot start() {
        worker.execute(this::connect);
        return this;
    }

    public boolean connected() {
        StompClient s = stomp;
        return s != null && s.isOpen();
    }

    // --- actions -------------------------------------------------------------------------------

    /** Posts once per clientMessageId (a resend returns the stored message); returns it. */
    public JsonNode post(String channelId, String text, String clientMessageId) {
        return rest.post("/api/v1/channels/" + HubRest.encode(channelId) + "/messages",
                Map.of("text", text, "clientMessageId", clientMessageId));
    }

    public JsonNode replyInThread(String channelId, String threadId, String text, String clientMessageId) {
        return rest.post("/api/v1/channels/" + HubRest.encode(channelId) + "/messages",
                Map.of("text", text, "clientMessageId", clientMessageId, "threadId", threadId));
    }

    public void react(String messageId, String emoji) {
        rest.put("/api/v1/messages/" + HubRest.encode(messageId) + "/reactions/" + HubRest.encode(emoji), Map.of());
    }

    public JsonNode answer(String invocationId, Reply reply) {
        return rest.post("/api/v1/bots/me/invocations/" + HubRest.encode(invocationId) + "/reply",
                Map.of("text", reply.text(), "visibility", reply.toChannel() ? "channel" : "caller"));
    }

    // --- connection ----------------------------------------------------------------------------

    private void connect() {
        if (closing) return;
        try {
            for (Map.Entry<String, String> c : descriptions.entrySet()) {
                rest.put("/api/v1/bots/me/commands/" + HubRest.encode(c.getKey()), Map.of("description", c.getValue()));
            }
            StompClient client = StompClient.connectBlocking(rest.webSocketUri(), token);
            stomp = client;
            client.closed().thenRun(() -> {
                if (!closing) {
                    log.log(System.Logger.Level.INFO, "Connection to the hub ended; reconnecting");
                    scheduleReconnect();
                }
            });
            client.subscribeWithReceipt("/user/queue/events", f -> worker.execute(() -> personal(f.body())))
                    .get(10, TimeUnit.SECONDS);
            client.subscribe("/user/queue/errors", f -> log.log(System.Logger.Level.WARNING, "Hub error event: " + f.body()));
            for (String channelId : channels) {
                client.subscribeWithReceipt("/topic/channels." + channelId,
                        f -> worker.execute(() -> live(channelId, f.body()))).get(10, TimeUnit.SECONDS);
                resync(channelId);
            }
            for (JsonNode pending : rest.get("/api/v1/bots/me/invocations")) handle(Invocation.of(pending));
            failures = 0;
            onConnected.run();
        } catch (Exception e) {
            log.log(System.Logger.Level.INFO, "Could not connect to the hub (" + e + "); retrying");
            StompClient s = stomp;
            if (s != null) s.close();
            scheduleReconnect();
        }
    }

    private void scheduleReconnect() {
        if (closing) return;
        int n = Math.min(failures++, 10);
        long base = Math.min(FIRST_BACKOFF.toMillis() << n, MAX_BACKOFF.toMillis());
        long delay = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        timer.schedule(() -> worker.execute(this::connect), delay, TimeUnit.MILLISECONDS);
    }

    private void resync(String channelId) {
        long after = seqs.lastSeq(channelId, -1);
        if (after < 0) { // first start: begin at the channel's present, do not replay its history
            after = rest.get("/api/v1/channels/" + HubRest.encode(channelId) + "/events?afterSeq=0&limit=1").path("lastSeq").asLong(0);
            seqs.save(channelId, after);
            return;
        }
        while (true) {
            JsonNode page = rest.get("/api/v1/channels/" + HubRest.encode(channelId) + "/events?afterSeq=" + after + "&limit=200");
            for (JsonNode e : page.path("events")) apply(channelId, e);
            long last = page.path("lastSeq").asLong(after);
            if (!page.path("hasMore").asBoolean(false) || last <= after) break;
            after = last;
        }
    }

    private void live(String channelId, String body) {
        JsonNode e = HubRest.JSON.readTree(body);
        if (!e.has("seq")) return; // typing and other unnumbered events
        apply(channelId, e);
    }

    private void apply(String channelId, JsonNode e) {
        long seq = e.path("seq").asLong();
        if (seq <= seqs.lastSeq(channelId, 0)) return;
        seqs.save(channelId, seq);
        try {
            onChannelEvent.accept(new ChannelEvent(e.path("type").asString(""), channelId, seq, e));
        } catch (RuntimeException ex) {
            log.log(System.Logger.Level.WARNING, "Channel event handler failed on " + channelId + " seq " + seq, ex);
        }
    }

    private void personal(String body) {
        JsonNode e = HubRest.JSON.readTree(body);
        if ("command.invoked".equals(e.path("type").asString(""))) {
            handle(Invocation.of(e.get("invocation")));
            return;
        }
        try {
            onPersonalEvent.accept(e);
        } catch (RuntimeException ex) {
            log.log(System.Logger.Level.WARNING, "Personal event handler failed", ex);
        }
    }

    private void handle(Invocation invocation) {
        Function<Invocation, Reply> handler = commands.get(invocation.command());
        if (handler == null || !handledInvocations.add(invocation.id())) return;
        try {
            Reply reply = handler.apply(invocation);
            if (reply != null) answer(invocation.id(), reply);
        } catch (RuntimeException e) {
            handledInvocations.remove(invocation.id()); // retried at the next (re)connect
            log.log(System.Logger.Level.WARNING, "/" + invocation.command() + " failed for invocation " + invocation.id(), e);
        }
    }

    /** A fresh idempotency key, for posts that have no natural one. */
    public static String newClientMessageId() {
        return UUID.randomUUID().toString();
    }

    @Override
    public void close() {
        closing = true;
        StompClient s = stomp;
        if (s != null) s.disconnect();
        timer.shutdownNow();
        worker.shutdown();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
