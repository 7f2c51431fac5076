package fr.relais.hub.bots;

import fr.relais.hub.audit.AuditLog;
import fr.relais.hub.channels.Channel;
import fr.relais.hub.channels.ChannelDirectory;
import fr.relais.hub.channels.ChannelKind;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.AuthSession;
import fr.relais.hub.identity.AuthSessions;
import fr.relais.hub.identity.NewUser;
import fr.relais.hub.identity.Role;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserDirectory;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Creates bot accounts and manages their tokens. A bot is a user with the single role {@code BOT} (so
 * {@code ChannelAccess} lets it read and post only where it is an explicit member, and every message it
 * writes carries {@code author.bot = true}) plus a {@link Bot} record. Its tokens are personal access
 * tokens of that user ({@code rlspat_...}): shown once, stored as a SHA-256 digest, revocable one by one;
 * rotating issues a new token and revokes the others, which closes the live connections opened with them.
 * The bot user gets a random password nobody ever sees (local accounts need one).
 */
@Service
public class BotAccounts {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOKEN_NAME = "bot token";

    private final BotStore store;
    private final UserDirectory users;
    private final AuthSessions sessions;
    private final ChannelDirectory channels;
    private final AuditLog audit;
    private final Clock clock;

    BotAccounts(BotStore store, UserDirectory users, AuthSessions sessions, ChannelDirectory channels, AuditLog audit,
                Clock clock) {
        this.store = store;
        this.users = users;
        this.sessions = sessions;
        this.channels = channels;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * @param allFederationChannels adds the bot to the 102 federation channels (the relay bot)
     */
    public record NewBot(String username, String displayName, @Nullable String avatarUrl, @Nullable String ownerId,
                         List<String> channelIds, boolean allFederationChannels, Set<Bot.Capability> capabilities) {
    }

    public record Created(Bot bot, String token, String tokenId) {
    }

    public Created create(User admin, NewBot request) {
        requireAdmin(admin);
        String ownerId = request.ownerId() == null || request.ownerId().isBlank() ? admin.id() : request.ownerId();
        users.findById(ownerId).filter(u -> !u.isBot()).orElseThrow(() -> RelaisException.invalid("ownerId must be a person's account"));
        checkAvatar(request.avatarUrl());
        Set<String> channelIds = resolveChannels(request.channelIds(), request.allFederationChannels());
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        User user = users.create(new NewUser(request.username(), request.displayName(), null, Set.of(Role.BOT),
                Base64.getUrlEncoder().withoutPadding().encodeToString(random)));
        Bot bot = new Bot(user.id(), user.username(), user.displayName(), blankToNull(request.avatarUrl()), ownerId,
                channelIds, request.capabilities(), clock.instant(), admin.id());
        store.insert(bot);
        addTo(bot.id(), channelIds);
        AuthSessions.NewPersonalToken token = sessions.createPersonalToken(user, TOKEN_NAME, null);
        audit.record("bot.created", admin.id(), bot.id(), "username", bot.username(), "owner", ownerId);
        return new Created(bot, token.token(), token.session().id());
    }

    public List<Bot> visibleTo(User caller) {
        return caller.has(Role.NATIONAL_ADMIN) ? store.findAll() : store.findByOwner(caller.id());
    }

    public Optional<Bot> find(String botId) {
        return store.find(botId);
    }

    /** The bot, if the caller is a national admin or its owner; otherwise "not found". */
    public Bot requireManaged(User caller, String botId) {
        Bot bot = store.find(botId).orElseThrow(() -> new RelaisException(ErrorCode.BOT_NOT_FOUND, "No such bot"));
        if (!caller.has(Role.NATIONAL_ADMIN) && !bot.ownerId().equals(caller.id())) {
            throw new RelaisException(ErrorCode.BOT_NOT_FOUND, "No such bot");
        }
        return bot;
    }

    /** The bot record of a caller authenticated as a bot. */
    public Bot requireSelf(User caller) {
        if (!caller.isBot()) throw RelaisException.forbidden("Only a bot may do this");
        return store.find(caller.id()).orElseThrow(() -> RelaisException.forbidden("This account is not a registered bot"));
    }

    public List<Bot> withCapability(Bot.Capability capability) {
        return store.findAll().stream().filter(b -> b.can(capability))
                .filter(b -> users.findById(b.id()).map(User::active).orElse(false)).toList();
    }

    /** A new token; every other token of the bot is revoked (its connections close). */
    public Created rotateToken(User caller, String botId) {
        Bot bot = requireManaged(caller, botId);
        User user = users.require(bot.id());
        AuthSessions.NewPersonalToken token = sessions.createPersonalToken(user, TOKEN_NAME, null);
        for (AuthSession s : sessions.activeOf(bot.id())) {
            if (s.kind() == AuthSession.Kind.PERSONAL_TOKEN && !s.id().equals(token.session().id())) sessions.revoke(bot.id(), s.id());
        }
        audit.record("bot.token_rotated", caller.id(), bot.id());
        return new Created(bot, token.token(), token.session().id());
    }

    public List<AuthSession> tokens(User caller, String botId) {
        Bot bot = requireManaged(caller, botId);
        return sessions.activeOf(bot.id()).stream().filter(s -> s.kind() == AuthSession.Kind.PERSONAL_TOKEN).toList();
    }

    public void revokeToken(User caller, String botId, String tokenId) {
        Bot bot = requireManaged(caller, botId);
        sessions.revoke(bot.id(), tokenId);
        audit.record(AuditLog.TOKEN_REVOKED, caller.id(), bot.id(), "token", tokenId);
    }

    /** Replaces the channels the bot is a member of (national admins). */
    public Bot setChannels(User admin, String botId, List<String> channelIds, boolean allFederationChannels) {
        requireAdmin(admin);
        Bot bot = requireManaged(admin, botId);
        Set<String> wanted = resolveChannels(channelIds, allFederationChannels);
        for (String id : bot.channelIds()) {
            if (!wanted.contains(id)) channels.find(id).ifPresent(c -> channels.removeMember(c, bot.id()));
        }
        addTo(bot.id(), wanted);
        Bot updated = bot.withChannels(wanted);
        store.replace(updated);
        return updated;
    }

    public void deactivate(User admin, String botId) {
        requireAdmin(admin);
        Bot bot = requireManaged(admin, botId);
        users.deactivate(bot.id());
        audit.record(AuditLog.USER_DEACTIVATED, admin.id(), bot.id(), "username", bot.username());
    }

    private void addTo(String botId, Set<String> channelIds) {
        for (String id : channelIds) {
            Channel channel = channels.find(id).orElseThrow();
            if (!channel.hasMember(botId)) channels.addMembers(channel, Set.of(botId));
        }
    }

    private Set<String> resolveChannels(@Nullable List<String> ids, boolean allFederations) {
        Set<String> result = new LinkedHashSet<>();
        if (allFederations) {
            channels.all().stream().filter(c -> c.kind() == ChannelKind.FEDERATION).forEach(c -> result.add(c.id()));
        }
        for (String id : ids == null ? List.<String>of() : ids) {
            Channel channel = channels.find(id).orElseThrow(() -> new RelaisException(ErrorCode.CHANNEL_NOT_FOUND, "No such channel: " + id));
            if (channel.kind() == ChannelKind.DIRECT) throw RelaisException.invalid("A bot is not added to direct messages");
            result.add(channel.id());
        }
        return result;
    }

    private static void checkAvatar(@Nullable String url) {
        if (url == null || url.isBlank()) return;
        if (url.length() > 500 || !(url.startsWith("https://") || url.startsWith("http://") || url.startsWith("/"))) {
            throw RelaisException.invalid("avatarUrl must be an http(s) URL or a path on the hub");
        }
    }

    private static void requireAdmin(User user) {
        if (!user.has(Role.NATIONAL_ADMIN)) throw RelaisException.forbidden("Only a national admin manages bot accounts");
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
