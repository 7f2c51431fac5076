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
import fr.relais.hub.identity.UserRef;
import fr.relais.hub.realtime.PersonalEvents;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Routes {@code /name args} typed in a channel to the bot that registered {@code name}, and the bot's
 * answer back. The invocation is stored first ({@link CommandStore}), then announced to the bot as a
 * personal event {@code command.invoked}; a bot that reconnects lists what is still pending. The answer
 * goes to the caller only (personal event {@code command.reply}, also readable on the invocation) or to
 * the channel (a message by the bot, idempotent per invocation).
 */
@Service
public class SlashCommands {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{1,31}");
    private static final Pattern INVOCATION = Pattern.compile("^/([A-Za-z][A-Za-z0-9_-]{0,31})(?:\\s+(.*))?$", Pattern.DOTALL);
    private static final int MAX_REPLY = 4000;

    private final CommandStore store;
    private final BotAccounts bots;
    private final ChannelAccess access;
    private final UserDirectory users;
    private final MessageSender sender;
    private final PersonalEvents personal;
    private final Clock clock;
    private final Set<String> knownNames = ConcurrentHashMap.newKeySet();
    private volatile long namesLoadedAt;

    SlashCommands(CommandStore store, BotAccounts bots, ChannelAccess access, UserDirectory users,
                  MessageSender sender, PersonalEvents personal, Clock clock) {
        this.store = store;
        this.bots = bots;
        this.access = access;
        this.users = users;
        this.sender = sender;
        this.personal = personal;
        this.clock = clock;
    }

    public SlashCommand register(User botUser, String rawName, @Nullable String description, @Nullable String usage) {
        Bot bot = bots.requireSelf(botUser);
        String name = rawName == null ? "" : rawName.strip().toLowerCase(Locale.ROOT).replaceFirst("^/", "");
        if (!NAME.matcher(name).matches()) throw RelaisException.invalid("command names are 2 to 32 characters: a-z, 0-9, '-' or '_', starting with a letter");
        SlashCommand command = new SlashCommand(name, bot.id(), bot.username(), limit(description, 200), limit(usage, 200), clock.instant());
        if (!store.register(command)) throw new RelaisException(ErrorCode.COMMAND_TAKEN, "/" + name + " belongs to another bot");
        knownNames.add(name);
        return command;
    }

    public void unregister(User botUser, String name) {
        Bot bot = bots.requireSelf(botUser);
        if (!store.unregister(name, bot.id())) throw new RelaisException(ErrorCode.COMMAND_NOT_FOUND, "No such command of this bot");
        knownNames.remove(name);
    }

    public List<SlashCommand> all() {
        return store.findAll();
    }

    /** Whether the text starts with a registered command (cheap: a name cache refreshed every 10 s). */
    public boolean isCommand(@Nullable String text) {
        if (text == null || !text.startsWith("/")) return false;
        Matcher m = INVOCATION.matcher(text.strip());
        if (!m.matches()) return false;
        String name = m.group(1).toLowerCase(Locale.ROOT);
        if (clock.millis() - namesLoadedAt > 10_000 || !knownNames.contains(name)) {
            knownNames.clear();
            store.findAll().forEach(c -> knownNames.add(c.name()));
            namesLoadedAt = clock.millis();
        }
        return knownNames.contains(name);
    }

    /** Stores the invocation (once per caller and clientCommandId) and tells the bot. */
    public CommandInvocation invoke(User caller, String channelId, String text, @Nullable String clientCommandId) {
        Channel channel = access.require(caller, channelId, ChannelAction.POST);
        Matcher m = text == null ? null : INVOCATION.matcher(text.strip());
        if (m == null || !m.matches()) throw RelaisException.invalid("A command looks like /name followed by its arguments");
        String name = m.group(1).toLowerCase(Locale.ROOT);
        SlashCommand command = store.find(name).orElseThrow(() -> new RelaisException(ErrorCode.COMMAND_NOT_FOUND, "No bot answers /" + name));
        User bot = users.findById(command.botId()).filter(User::active)
                .orElseThrow(() -> new RelaisException(ErrorCode.COMMAND_NOT_FOUND, "No bot answers /" + name));
        String key = clientCommandId == null || clientCommandId.isBlank() ? UUID.randomUUID().toString() : limit(clientCommandId, 64);
        String args = m.group(2) == null ? "" : m.group(2).strip();
        if (args.length() > 4000) throw new RelaisException(ErrorCode.TEXT_TOO_LONG, "The command is too long");
        CommandInvocation stored = store.insertOrGet(new CommandInvocation(UUID.randomUUID().toString(), name, args,
                bot.id(), channel.id(), caller.id(), caller.username(), key, CommandInvocation.Status.PENDING,
                clock.instant(), null));
        if (stored.status() == CommandInvocation.Status.PENDING) personal.send(bot.id(), Events.invoked(stored, caller));
        return stored;
    }

    public List<CommandInvocation> pending(User botUser) {
        Bot bot = bots.requireSelf(botUser);
        return store.pending(bot.id(), 100);
    }

    /** The invocation, for its caller or its bot. */
    public CommandInvocation find(User caller, String id) {
        CommandInvocation invocation = store.findInvocation(id).orElse(null);
        if (invocation == null || !(invocation.callerId().equals(caller.id()) || invocation.botId().equals(caller.id()))) {
            throw new RelaisException(ErrorCode.NOT_FOUND, "No such command invocation");
        }
        return invocation;
    }

    /**
     * The bot's answer. {@code CHANNEL}: posted in the invocation's channel as the bot (clientMessageId
     * {@code cmd-<invocation id>}, so a retried answer is stored once). {@code CALLER}: only the caller
     * sees it. Answering an answered invocation returns the first answer.
     */
    public CommandInvocation reply(User botUser, String invocationId, String text, CommandInvocation.Visibility visibility,
                                   @Nullable String threadId) {
        Bot bot = bots.requireSelf(botUser);
        CommandInvocation invocation = store.findInvocation(invocationId).filter(i -> i.botId().equals(bot.id()))
                .orElseThrow(() -> new RelaisException(ErrorCode.NOT_FOUND, "No such command invocation"));
        if (invocation.status() == CommandInvocation.Status.ANSWERED) return invocation;
        if (text == null || text.isBlank()) throw new RelaisException(ErrorCode.TEXT_EMPTY, "The reply is empty");
        if (text.length() > MAX_REPLY) throw new RelaisException(ErrorCode.TEXT_TOO_LONG, "The reply is longer than " + MAX_REPLY + " characters");
        String messageId = null;
        if (visibility == CommandInvocation.Visibility.CHANNEL) {
            Message posted = join(sender.post(botUser, invocation.channelId(),
                    new PostRequest(text, "cmd-" + invocation.id(), threadId)));
            messageId = posted.id();
        }
        CommandInvocation answered = store.answer(invocation.id(),
                new CommandInvocation.Reply(text, visibility, messageId, clock.instant()));
        personal.send(invocation.callerId(), Events.reply(answered, UserRef.of(botUser)));
        return answered;
    }

    private static Message join(java.util.concurrent.CompletableFuture<Message> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RelaisException r) throw r;
            throw new RelaisException(ErrorCode.INTERNAL_ERROR, "The reply could not be posted");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new RelaisException(ErrorCode.OVERLOADED, "The reply could not be stored in time; send it again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelaisException(ErrorCode.INTERNAL_ERROR, "Interrupted");
        }
    }

    private static String limit(@Nullable String s, int max) {
        if (s == null) return "";
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }

    /** Personal events of slash commands. */
    static final class Events {
        private Events() {
        }

        static Map<String, Object> invoked(CommandInvocation i, User caller) {
            return Map.of("type", "command.invoked", "invocation", view(i), "caller", UserRef.of(caller));
        }

        static Map<String, Object> reply(CommandInvocation i, UserRef bot) {
            return Map.of("type", "command.reply", "invocation", view(i), "bot", bot);
        }

        static Map<String, Object> view(CommandInvocation i) {
            Map<String, Object> v = new java.util.LinkedHashMap<>();
            v.put("id", i.id());
            v.put("command", i.command());
            v.put("args", i.args());
            v.put("botId", i.botId());
            v.put("channelId", i.channelId());
            v.put("callerId", i.callerId());
            v.put("callerUsername", i.callerUsername());
            v.put("clientCommandId", i.clientCommandId());
            v.put("status", i.status().name());
            v.put("createdAt", i.createdAt().toString());
            if (i.reply() != null) {
                Map<String, Object> r = new java.util.LinkedHashMap<>();
                r.put("text", i.reply().text());
                r.put("visibility", i.reply().visibility().name());
                if (i.reply().messageId() != null) r.put("messageId", i.reply().messageId());
                r.put("at", i.reply().at().toString());
                v.put("reply", r);
            }
            return v;
        }
    }

    /** The JSON view of an invocation (REST and personal events alike). */
    public static Map<String, Object> view(CommandInvocation i) {
        return Events.view(i);
    }
}
