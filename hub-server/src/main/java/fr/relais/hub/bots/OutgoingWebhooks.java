package fr.relais.hub.bots;

import fr.relais.hub.channels.Channel;
import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.channels.ChannelAction;
import fr.relais.hub.chat.ChannelEvent;
import fr.relais.hub.chat.ChannelEventType;
import fr.relais.hub.chat.Message;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import fr.relais.hub.realtime.ChannelEventListener;
import fr.relais.hub.realtime.PersonalEvents;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outgoing webhooks: each new top-level message of the webhook's channel (or each one whose first word is
 * a trigger word) becomes a stored {@link WebhookDelivery} ({@code _id = webhookId-messageId}, so once per
 * message), then is POSTed to the URL with {@code X-Relais-Signature} and {@code X-Relais-Delivery}. A 2xx
 * answer delivers it; anything else is retried with doubling back-off
 * ({@code relais.bots.webhook-first-retry} … {@code webhook-max-backoff}); after
 * {@code webhook-max-attempts} it is marked failed and the bot's owner gets a {@code webhook.failed}
 * personal event. Owners read the deliveries (status, attempts, last error) over REST and can retry.
 *
 * <p>Every node runs {@link #sweep()}; a delivery is claimed by one atomic update before each attempt, so
 * it is attempted by one node at a time, and a node that dies mid-attempt leaves it due again after the lease.
 */
@Service
public class OutgoingWebhooks implements ChannelEventListener {
    private static final Logger log = LoggerFactory.getLogger(OutgoingWebhooks.class);
    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration CACHE_FOR = Duration.ofSeconds(10);

    private final WebhookStore store;
    private final BotAccounts bots;
    private final UserDirectory users;
    private final ChannelAccess access;
    private final SecretBox secrets;
    private final PersonalEvents personal;
    private final BotsProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "outgoing-webhooks");
        t.setDaemon(true);
        return t;
    });
    private volatile Map<String, List<OutgoingWebhook>> byChannel;
    private volatile long loadedAt;

    OutgoingWebhooks(WebhookStore store, BotAccounts bots, UserDirectory users, ChannelAccess access, SecretBox secrets,
                     PersonalEvents personal, BotsProperties properties, JsonMapper json, Clock clock) {
        this.store = store;
        this.bots = bots;
        this.users = users;
        this.access = access;
        this.secrets = secrets;
        this.personal = personal;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public record Created(OutgoingWebhook hook, String secret) {
    }

    public Created create(User caller, String botId, String channelId, @Nullable List<String> triggerWords, String url) {
        Bot bot = bots.requireManaged(caller, botId);
        Channel channel = access.require(caller, channelId, ChannelAction.READ);
        if (!access.allows(users.require(bot.id()), channel, ChannelAction.READ)) {
            throw RelaisException.invalid("The bot may not read " + channelId + "; add it to the channel first");
        }
        URI target;
        try {
            target = URI.create(url == null ? "" : url.strip());
        } catch (IllegalArgumentException e) {
            throw RelaisException.invalid("url must be an http(s) URL");
        }
        if (!("https".equals(target.getScheme()) || "http".equals(target.getScheme())) || target.getHost() == null) {
            throw RelaisException.invalid("url must be an http(s) URL");
        }
        List<String> words = (triggerWords == null ? List.<String>of() : triggerWords).stream()
                .map(w -> w.strip().toLowerCase(Locale.ROOT)).filter(w -> !w.isEmpty()).distinct().toList();
        if (words.size() > 20 || words.stream().anyMatch(w -> w.length() > 40 || w.contains(" "))) {
            throw RelaisException.invalid("at most 20 trigger words, each one word of at most 40 characters");
        }
        String secret = SecretBox.newSecret();
        OutgoingWebhook hook = new OutgoingWebhook(UUID.randomUUID().toString().replace("-", ""), bot.id(), channel.id(),
                words, target.toString(), secrets.seal(secret), clock.instant(), caller.id());
        store.insertOutgoing(hook);
        byChannel = null;
        return new Created(hook, secret);
    }

    public List<OutgoingWebhook> of(User caller, String botId) {
        return store.outgoingOf(bots.requireManaged(caller, botId).id());
    }

    public void delete(User caller, String botId, String hookId) {
        Bot bot = bots.requireManaged(caller, botId);
        if (!store.deleteOutgoing(hookId, bot.id())) throw new RelaisException(ErrorCode.NOT_FOUND, "No such webhook");
        byChannel = null;
    }

    public List<WebhookDelivery> deliveries(User caller, String botId, String hookId, WebhookDelivery.@Nullable Status status) {
        OutgoingWebhook hook = requireHook(caller, botId, hookId);
        return store.deliveriesOf(hook.id(), status, 200);
    }

    public WebhookDelivery retry(User caller, String botId, String hookId, String deliveryId) {
        OutgoingWebhook hook = requireHook(caller, botId, hookId);
        WebhookDelivery delivery = store.findDelivery(deliveryId).filter(d -> d.webhookId().equals(hook.id()))
                .orElseThrow(() -> new RelaisException(ErrorCode.NOT_FOUND, "No such delivery"));
        if (delivery.status() != WebhookDelivery.Status.FAILED || !store.retry(delivery.id(), clock.instant())) {
            throw new RelaisException(ErrorCode.CONFLICT, "Only a failed delivery can be retried");
        }
        worker.execute(this::sweepQuietly);
        return store.findDelivery(deliveryId).orElseThrow();
    }

    private OutgoingWebhook requireHook(User caller, String botId, String hookId) {
        Bot bot = bots.requireManaged(caller, botId);
        return store.findOutgoing(hookId).filter(h -> h.botId().equals(bot.id()))
                .orElseThrow(() -> new RelaisException(ErrorCode.NOT_FOUND, "No such webhook"));
    }

    /** Runs on the channel writer's thread: only looks up the (cached) webhooks of the channel. */
    @Override
    public void onEvents(List<ChannelEvent> events) {
        Map<String, List<OutgoingWebhook>> hooks = hooksByChannel();
        if (hooks.isEmpty()) return;
        List<ChannelEvent> relevant = events.stream()
                .filter(e -> e.type() == ChannelEventType.MESSAGE_CREATED && hooks.containsKey(e.channelId())).toList();
        if (relevant.isEmpty()) return;
        worker.execute(() -> {
            try {
                for (ChannelEvent e : relevant) enqueue(hooks.get(e.channelId()), e.message());
                sweep();
            } catch (RuntimeException ex) {
                log.warn("Could not queue outgoing webhook deliveries", ex);
            }
        });
    }

    private void enqueue(List<OutgoingWebhook> hooks, Message m) {
        if (m.isReply() || m.deleted()) return;
        for (OutgoingWebhook hook : hooks) {
            if (m.author().id().equals(hook.botId())) continue; // never feed a bot its own messages
            String trigger = trigger(hook, m.text());
            if (!hook.triggerWords().isEmpty() && trigger == null) continue;
            String id = hook.id() + "-" + m.id();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("type", "message.created");
            payload.put("deliveryId", id);
            payload.put("webhookId", hook.id());
            payload.put("channelId", m.channelId());
            if (trigger != null) payload.put("triggerWord", trigger);
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("id", m.id());
            message.put("seq", m.seq());
            message.put("author", m.author());
            message.put("text", m.text());
            message.put("createdAt", m.createdAt().toString());
            payload.put("message", message);
            Instant now = clock.instant();
            store.insertDelivery(new WebhookDelivery(id, hook.id(), hook.botId(), json.writeValueAsString(payload),
                    WebhookDelivery.Status.PENDING, 0, now, now, null, null, null));
        }
    }

    private static @Nullable String trigger(OutgoingWebhook hook, String text) {
        if (hook.triggerWords().isEmpty() || text == null) return null;
        String first = text.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        return hook.triggerWords().contains(first) ? first : null;
    }

    private Map<String, List<OutgoingWebhook>> hooksByChannel() {
        Map<String, List<OutgoingWebhook>> cached = byChannel;
        long now = System.nanoTime();
        if (cached == null || now - loadedAt > CACHE_FOR.toNanos()) {
            cached = store.allOutgoing().stream().collect(java.util.stream.Collectors.groupingBy(OutgoingWebhook::channelId));
            byChannel = cached;
            loadedAt = now;
        }
        return cached;
    }

    @Scheduled(fixedDelayString = "${relais.bots.webhook-sweep-every:PT5S}", initialDelayString = "${relais.bots.webhook-sweep-every:PT5S}")
    void scheduled() {
        sweepQuietly();
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.error("Outgoing webhook sweep failed", e);
        }
    }

    /** Attempts every delivery due at the hub clock's time (at most 200 per call); returns how many were attempted. */
    public int sweep() {
        int attempted = 0;
        while (attempted < 200) {
            Instant now = clock.instant();
            Optional<WebhookDelivery> claimed = store.claimDue(now, now.plus(LEASE));
            if (claimed.isEmpty()) break;
            attempt(claimed.get(), now);
            attempted++;
        }
        return attempted;
    }

    private void attempt(WebhookDelivery d, Instant now) {
        OutgoingWebhook hook = store.findOutgoing(d.webhookId()).orElse(null);
        if (hook == null) {
            store.failedAttempt(d.id(), null, "the webhook was deleted", now, true);
            return;
        }
        Integer status = null;
        String error;
        try {
            byte[] body = d.payload().getBytes(StandardCharsets.UTF_8);
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(hook.url()))
                    .timeout(properties.webhookTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Relais-Webhooks/1")
                    .header(WebhookSignature.HEADER, WebhookSignature.sign(secrets.open(hook.sealedSecret()), body))
                    .header("X-Relais-Delivery", d.id())
                    .header("X-Relais-Attempt", Integer.toString(d.attempts()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status / 100 == 2) {
                store.delivered(d.id(), status, clock.instant());
                return;
            }
            error = "HTTP " + status;
        } catch (java.io.IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (RuntimeException e) {
            error = e.getClass().getSimpleName();
        }
        boolean giveUp = d.attempts() >= properties.webhookMaxAttempts();
        store.failedAttempt(d.id(), status, error, now.plus(properties.backoffAfter(d.attempts())), giveUp);
        if (giveUp) {
            Bot bot = bots.find(d.botId()).orElse(null);
            if (bot != null) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("type", "webhook.failed");
                event.put("botId", bot.id());
                event.put("webhookId", hook.id());
                event.put("deliveryId", d.id());
                event.put("attempts", d.attempts());
                event.put("lastError", error);
                personal.send(bot.ownerId(), event);
            }
        }
    }
}
