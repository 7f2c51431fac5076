package fr.relais.hub.live;

import fr.relais.hub.channels.Channel;
import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.channels.ChannelAction;
import fr.relais.hub.channels.ChannelStore;
import fr.relais.hub.chat.Message;
import fr.relais.hub.chat.MessageEditor;
import fr.relais.hub.chat.MessageSender;
import fr.relais.hub.chat.MessageStore;
import fr.relais.hub.chat.PostRequest;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.User;
import fr.relais.hub.identity.UserRef;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Starts, changes and ends live sessions (moderators of the channel only), and answers "is this channel
 * live?" quickly for every post (a per-node copy trusted for {@code relais.live.session-cache-ttl}).
 * Starting posts and pins the banner; ending unpins it and posts the summary, both in the moderator's name.
 */
@Service
public class LiveSessions {
    private static final Logger log = LoggerFactory.getLogger(LiveSessions.class);
    static final int MAX_TITLE = 120;

    private record Cached(Optional<LiveSession> session, Instant loadedAt) {
    }

    private final LiveSessionStore store;
    private final ChannelAccess access;
    private final ChannelStore channelStore;
    private final MessageSender sender;
    private final MessageEditor editor;
    private final MessageStore messages;
    private final LiveTopic topic;
    private final LiveProperties properties;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    /** Channels whose session this node is ending: reactions are refused from the start of the end. */
    private final Set<String> ending = ConcurrentHashMap.newKeySet();

    LiveSessions(LiveSessionStore store, ChannelAccess access, ChannelStore channelStore, MessageSender sender,
                 MessageEditor editor, MessageStore messages, LiveTopic topic, LiveProperties properties, Clock clock) {
        this.store = store;
        this.access = access;
        this.channelStore = channelStore;
        this.sender = sender;
        this.editor = editor;
        this.messages = messages;
        this.topic = topic;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a moderator sets; null fields keep their value on update. */
    public record LiveSettings(@Nullable String title, @Nullable String link, @Nullable Integer slowModeSeconds) {
    }

    public LiveSession start(User moderator, String channelId, LiveSettings settings) {
        Channel channel = access.require(moderator, channelId, ChannelAction.MODERATE);
        String title = checkTitle(settings.title());
        String link = checkLink(settings.link());
        int slow = checkSlowMode(settings.slowModeSeconds() == null ? 0 : settings.slowModeSeconds());
        Instant now = clock.instant();
        LiveSession session = new LiveSession(channel.id(), title, link, slow, UserRef.of(moderator), now,
                channelStore.lastSeq(channel.id()), null, Map.of(), 0);
        if (!store.insert(session)) throw new RelaisException(ErrorCode.ALREADY_LIVE, "This channel is already live");
        Message banner = await(sender.post(moderator, channel.id(), new PostRequest(bannerText(session),
                "live-" + channel.id() + "-" + now.toEpochMilli(), null)));
        if (banner != null) {
            await(editor.pin(moderator, banner.id(), true));
            session = new LiveSession(session.channelId(), title, link, slow, session.startedBy(), now, session.startSeq(),
                    banner.id(), Map.of(), 0);
            session = store.update(session).orElse(session);
        }
        remember(session);
        topic.publish(channel.id(), new LiveEvents.LiveSessionChanged("live.started", session));
        return session;
    }

    public LiveSession update(User moderator, String channelId, LiveSettings settings) {
        access.require(moderator, channelId, ChannelAction.MODERATE);
        LiveSession current = store.find(channelId).orElseThrow(LiveSessions::notLive);
        LiveSession changed = new LiveSession(channelId,
                settings.title() == null ? current.title() : checkTitle(settings.title()),
                settings.link() == null ? current.link() : checkLink(settings.link()),
                settings.slowModeSeconds() == null ? current.slowModeSeconds() : checkSlowMode(settings.slowModeSeconds()),
                current.startedBy(), current.startedAt(), current.startSeq(), current.bannerMessageId(),
                current.reactions(), current.reactors());
        LiveSession stored = store.update(changed).orElseThrow(LiveSessions::notLive);
        if (stored.bannerMessageId() != null && stored.startedBy().id().equals(moderator.id())) {
            try {
                await(editor.edit(moderator, stored.bannerMessageId(), bannerText(stored)));
            } catch (RelaisException e) {
                log.debug("Banner of {} not edited: {}", channelId, e.getMessage());
            }
        }
        remember(stored);
        topic.publish(channelId, new LiveEvents.LiveSessionChanged("live.updated", stored));
        return stored;
    }

    /** Ends the session (once, even if two moderators end it together) and posts the summary. */
    public LiveSummary end(User moderator, String channelId, Runnable flushReactions) {
        access.require(moderator, channelId, ChannelAction.MODERATE);
        LiveSession session;
        // From here this node refuses reactions (live_session_ended, see acceptsReactions), so the flush
        // below stores every reaction it acknowledged before the session is removed with its totals.
        ending.add(channelId);
        try {
            flushReactions.run();
            session = store.remove(channelId).orElseThrow(LiveSessions::notLive);
            forget(channelId);
        } finally {
            ending.remove(channelId);
        }
        Instant endedAt = clock.instant();
        store.clearPostSlots(channelId);
        if (session.bannerMessageId() != null) {
            try {
                await(editor.pin(moderator, session.bannerMessageId(), false));
            } catch (RelaisException e) {
                log.debug("Banner of {} not unpinned: {}", channelId, e.getMessage());
            }
        }
        LiveSummary figures = count(session, endedAt);
        Message posted = await(sender.post(moderator, channelId, new PostRequest(summaryText(figures),
                "live-end-" + channelId + "-" + session.startedAt().toEpochMilli(), null)));
        LiveSummary summary = new LiveSummary(figures.channelId(), figures.title(), figures.startedAt(), figures.endedAt(),
                figures.durationSeconds(), figures.messages(), figures.participants(), figures.reactionTotal(),
                figures.reactions(), figures.reactors(), posted == null ? null : posted.id());
        store.archive(summary);
        topic.publish(channelId, new LiveEvents.LiveSessionEnded("live.ended", summary));
        return summary;
    }

    /** The channel's live session, for someone who may read the channel. */
    public Optional<LiveSession> current(User user, String channelId) {
        access.requireRead(user, channelId);
        return store.find(channelId);
    }

    /** Whether the user may start, change and end live sessions here (and is exempt from slow mode). */
    public boolean canModerate(User user, String channelId) {
        return access.allows(user, access.requireRead(user, channelId), ChannelAction.MODERATE);
    }

    /** This node's recent view of the channel's live state (used on every post: no storage round trip most of the time). */
    public Optional<LiveSession> cached(String channelId) {
        Instant now = clock.instant();
        Cached c = cache.get(channelId);
        if (c != null && Duration.between(c.loadedAt(), now).compareTo(properties.sessionCacheTtl()) < 0
                && !c.loadedAt().isAfter(now)) {
            return c.session();
        }
        Optional<LiveSession> loaded = store.find(channelId);
        cache.put(channelId, new Cached(loaded, now));
        return loaded;
    }

    /**
     * Whether this node may still acknowledge a reaction to the channel's session: false from the start
     * of an end on this node, and once this node knows the session is over. Called by
     * {@link LiveReactions} atomically with counting the reaction (see there).
     */
    boolean acceptsReactions(String channelId) {
        if (ending.contains(channelId)) return false;
        Cached c = cache.get(channelId);
        return c == null || c.session().isPresent();
    }

    void remember(LiveSession session) {
        cache.put(session.channelId(), new Cached(Optional.of(session), clock.instant()));
    }

    void forget(String channelId) {
        cache.put(channelId, new Cached(Optional.empty(), clock.instant()));
    }

    private LiveSummary count(LiveSession session, Instant endedAt) {
        int total = 0;
        Set<String> authors = new HashSet<>();
        long after = session.startSeq();
        while (true) {
            List<Message> page = messages.createdAfter(session.channelId(), after, 500);
            for (Message m : page) {
                if (m.createdAt().isAfter(endedAt)) break;
                if (m.deleted() || m.id().equals(session.bannerMessageId())) continue;
                total++;
                authors.add(m.author().id());
            }
            if (page.size() < 500 || page.getLast().createdAt().isAfter(endedAt)) break;
            after = page.getLast().seq();
        }
        long seconds = Math.max(0, Duration.between(session.startedAt(), endedAt).toSeconds());
        return new LiveSummary(session.channelId(), session.title(), session.startedAt(), endedAt, seconds, total,
                authors.size(), session.reactionTotal(), session.reactions(), session.reactors(), null);
    }

    static String bannerText(LiveSession s) {
        StringBuilder text = new StringBuilder("🔴 En direct : **").append(s.title()).append("**");
        if (s.link() != null) text.append("\n").append(s.link());
        if (s.slowModeSeconds() > 0) text.append("\nMode lent : un message toutes les ").append(s.slowModeSeconds()).append(" s.");
        return text.toString();
    }

    static String summaryText(LiveSummary s) {
        StringBuilder text = new StringBuilder("⏹️ Fin du direct **").append(s.title()).append("** — ")
                .append(duration(s.durationSeconds())).append(" : ")
                .append(s.messages()).append(s.messages() == 1 ? " message" : " messages").append(" de ")
                .append(s.participants()).append(s.participants() == 1 ? " participant" : " participants").append(", ")
                .append(s.reactionTotal()).append(s.reactionTotal() == 1 ? " réaction" : " réactions");
        if (s.reactors() > 0) text.append(" de ").append(s.reactors()).append(s.reactors() == 1 ? " personne" : " personnes");
        if (!s.reactions().isEmpty()) {
            text.append(" (");
            s.reactions().entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                    .forEach(e -> text.append(e.getKey()).append(" ").append(e.getValue()).append(", "));
            text.setLength(text.length() - 2);
            text.append(")");
        }
        return text.append(".").toString();
    }

    private static String duration(long seconds) {
        long h = seconds / 3600, m = (seconds % 3600) / 60;
        if (h > 0) return h + " h " + String.format("%02d", m);
        if (m > 0) return m + " min";
        return seconds + " s";
    }

    private String checkTitle(@Nullable String title) {
        if (title == null || title.isBlank() || title.strip().length() > MAX_TITLE) {
            throw RelaisException.invalid("title must be 1 to " + MAX_TITLE + " characters");
        }
        return title.strip();
    }

    private static @Nullable String checkLink(@Nullable String link) {
        if (link == null || link.isBlank()) return null;
        String l = link.strip();
        try {
            URI uri = URI.create(l);
            if (l.length() <= 500 && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return l;
            }
        } catch (IllegalArgumentException e) {
            // fall through
        }
        throw RelaisException.invalid("link must be an http(s) URL of at most 500 characters");
    }

    private int checkSlowMode(int seconds) {
        if (seconds < 0 || seconds > properties.maxSlowModeSeconds()) {
            throw RelaisException.invalid("slowModeSeconds must be between 0 and " + properties.maxSlowModeSeconds());
        }
        return seconds;
    }

    private static RelaisException notLive() {
        return new RelaisException(ErrorCode.LIVE_SESSION_NOT_FOUND, "This channel is not live");
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RelaisException r) throw r;
            log.warn("Live session post failed", e.getCause());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.TimeoutException e) {
            log.warn("Live session post not confirmed in time");
            return null;
        }
    }
}
