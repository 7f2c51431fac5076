package fr.relais.hub.bots;

import fr.relais.hub.channels.Channel;
import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.channels.ChannelAction;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.chat.Message;
import fr.relais.hub.chat.MessageSender;
import fr.relais.hub.chat.PostRequest;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incoming webhooks: {@code POST /hooks/in/<id>} with the JSON alert and {@code X-Relais-Signature}.
 * Checks, in this order, so that nothing is posted unless everything holds: size, signature (unknown
 * webhook and bad signature both answer {@code webhook_signature_invalid}, so ids cannot be probed),
 * JSON shape, then the bot's right to post in the channel.
 *
 * <p>Body: {@code {"text", "title"?, "link"?, "imageUrl"?, "level"?: "info"|"important"|"urgent", "id"?}}.
 * With an {@code id} the alert is posted once whatever the number of deliveries (clientMessageId
 * {@code wh-<id>}); {@code urgent} alerts notify the channel's members ({@code @channel}).
 */
@Service
public class IncomingWebhooks {
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9._:-]{1,40}");

    private final WebhookStore store;
    private final BotAccounts bots;
    private final UserDirectory users;
    private final ChannelAccess access;
    private final MessageSender sender;
    private final SecretBox secrets;
    private final BotsProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    IncomingWebhooks(WebhookStore store, BotAccounts bots, UserDirectory users, ChannelAccess access, MessageSender sender,
                     SecretBox secrets, BotsProperties properties, JsonMapper json, Clock clock) {
        this.store = store;
        this.bots = bots;
        this.users = users;
        this.access = access;
        this.sender = sender;
        this.secrets = secrets;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    public record Created(IncomingWebhook hook, String secret) {
    }

    public Created create(User caller, String botId, String channelId, @Nullable String name) {
        Bot bot = bots.requireManaged(caller, botId);
        User botUser = users.require(bot.id());
        Channel channel = access.require(caller, channelId, ChannelAction.READ);
        if (!access.allows(botUser, channel, ChannelAction.POST)) {
            throw RelaisException.invalid("The bot may not post in " + channelId + "; add it to the channel first");
        }
        String secret = SecretBox.newSecret();
        IncomingWebhook hook = new IncomingWebhook(UUID.randomUUID().toString().replace("-", ""), bot.id(), channel.id(),
                name == null || name.isBlank() ? channel.id() : name.strip(), secrets.seal(secret), clock.instant(), caller.id());
        store.insertIncoming(hook);
        return new Created(hook, secret);
    }

    public List<IncomingWebhook> of(User caller, String botId) {
        return store.incomingOf(bots.requireManaged(caller, botId).id());
    }

    public void delete(User caller, String botId, String hookId) {
        Bot bot = bots.requireManaged(caller, botId);
        if (!store.deleteIncoming(hookId, bot.id())) throw new RelaisException(ErrorCode.NOT_FOUND, "No such webhook");
    }

    /** Verifies and posts one alert; returns the stored message. */
    public Message receive(String hookId, byte[] body, @Nullable String signature) {
        if (body.length > properties.webhookMaxBytes()) {
            throw new RelaisException(ErrorCode.PAYLOAD_TOO_LARGE, "The body is larger than " + properties.webhookMaxBytes() + " bytes");
        }
        IncomingWebhook hook = store.findIncoming(hookId).orElse(null);
        if (hook == null || !WebhookSignature.verify(secrets.open(hook.sealedSecret()), body, signature)) {
            throw new RelaisException(ErrorCode.WEBHOOK_SIGNATURE_INVALID,
                    "Missing or wrong " + WebhookSignature.HEADER + " (sha256=<hex HMAC-SHA256 of the body>)");
        }
        Alert alert = parse(body);
        User bot = users.findById(hook.botId()).filter(User::active)
                .orElseThrow(() -> RelaisException.forbidden("The webhook's bot is deactivated"));
        String clientMessageId = alert.id() == null ? UUID.randomUUID().toString() : "wh-" + hook.id().substring(0, 16) + "-" + alert.id();
        try {
            return sender.post(bot, hook.channelId(), new PostRequest(alert.render(), clientMessageId, null)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RelaisException r) throw r;
            throw new RelaisException(ErrorCode.INTERNAL_ERROR, "The alert could not be posted");
        } catch (TimeoutException e) {
            throw new RelaisException(ErrorCode.OVERLOADED, "The alert could not be stored in time; send it again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelaisException(ErrorCode.INTERNAL_ERROR, "Interrupted");
        }
    }

    record Alert(String text, @Nullable String title, @Nullable String link, @Nullable String imageUrl, String level,
                 @Nullable String id) {
        String render() {
            StringBuilder s = new StringBuilder();
            switch (level) {
                case "urgent" -> s.append("🚨 **URGENT** @channel\n");
                case "important" -> s.append("⚠️ **Important**\n");
                default -> { }
            }
            if (title != null) s.append("**").append(title.replace("*", "\\*")).append("**\n");
            if (!text.isBlank()) s.append(text).append('\n');
            if (link != null) s.append('<').append(link).append(">\n");
            if (imageUrl != null) s.append("![](").append(imageUrl).append(")\n");
            return s.toString().strip();
        }
    }

    private Alert parse(byte[] body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw new RelaisException(ErrorCode.MALFORMED_JSON, "The body must be JSON like {\"text\":\"...\",\"title\":\"...\",\"link\":\"https://...\"}");
        }
        if (node == null || !node.isObject()) throw new RelaisException(ErrorCode.MALFORMED_JSON, "The body must be a JSON object");
        String text = string(node, "text", 3500);
        String title = string(node, "title", 200);
        if ((text == null || text.isBlank()) && (title == null || title.isBlank())) {
            throw new RelaisException(ErrorCode.TEXT_EMPTY, "text (or title) is required");
        }
        String level = string(node, "level", 20);
        level = level == null ? "info" : level.toLowerCase(Locale.ROOT);
        if (!List.of("info", "important", "urgent").contains(level)) throw RelaisException.invalid("level is info, important or urgent");
        String id = string(node, "id", 40);
        if (id != null && !EXTERNAL_ID.matcher(id).matches()) throw RelaisException.invalid("id is 1 to 40 characters: letters, digits, . _ : -");
        return new Alert(text == null ? "" : text.strip(), blank(title), url(string(node, "link", 1000), "link"),
                url(string(node, "imageUrl", 1000), "imageUrl"), level, id);
    }

    private static @Nullable String string(JsonNode node, String field, int max) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isString()) throw RelaisException.invalid(field + " must be a string");
        String s = v.asString();
        if (s.length() > max) throw new RelaisException(ErrorCode.TEXT_TOO_LONG, field + " is longer than " + max + " characters");
        return s;
    }

    private static @Nullable String url(@Nullable String value, String field) {
        if (value == null || value.isBlank()) return null;
        try {
            URI uri = URI.create(value.strip());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) throw new IllegalArgumentException();
            if (value.strip().matches(".*[\\s<>()].*")) throw new IllegalArgumentException();
            return uri.toString();
        } catch (IllegalArgumentException e) {
            throw RelaisException.invalid(field + " must be an http(s) URL");
        }
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
