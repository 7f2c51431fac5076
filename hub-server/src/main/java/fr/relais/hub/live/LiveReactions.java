package fr.relais.hub.live;

import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.channels.ChannelAction;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.identity.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reactions to a live session ("👏" during a debate), counted in memory per channel and flushed every
 * {@code relais.live.reaction-flush-every}: one storage increment and one {@code live.reactions} event per
 * channel and flush, whatever the number of reactions, so thousands of watchers reacting at once cost the
 * same fan-out as one. Each node flushes what it counted; totals in the event come from storage (all nodes).
 *
 * @implNote A node that dies loses at most one flush interval of counted reactions (best effort by design:
 * they are applause, not messages).
 */
@Component
public class LiveReactions {
    private static final Logger log = LoggerFactory.getLogger(LiveReactions.class);
    /** One short token without whitespace, dots or dollar signs (stored as a field name). */
    private static final Pattern EMOJI = Pattern.compile("[^\\s<>\"'&.$]{1,16}");

    private static final class Pending {
        final Map<String, Long> counts = new HashMap<>();
        final Set<String> users = new HashSet<>();
        /** Start of the session these reactions were accepted for (to find its archive if it ended meanwhile). */
        final Instant sessionStartedAt;
        /** First time a flush found the session gone (late reactions of another node), null before. */
        @Nullable Instant lateSince;

        Pending(Instant sessionStartedAt) {
            this.sessionStartedAt = sessionStartedAt;
        }

        void add(Pending other) {
            other.counts.forEach((emoji, n) -> counts.merge(emoji, n, Long::sum));
            users.addAll(other.users);
            if (lateSince == null) lateSince = other.lateSince;
        }
    }

    /** How long a node keeps trying to fold late reactions into the archived summary before giving up. */
    private static final Duration LATE_FOLD_PATIENCE = Duration.ofMinutes(1);

    private final LiveSessions sessions;
    private final LiveSessionStore store;
    private final ChannelAccess access;
    private final LiveTopic topic;
    private final LiveProperties properties;
    private final Clock clock;
    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
    /** What a flush took out of {@link #pending} and is storing: its keys still count against the cap. */
    private final ConcurrentHashMap<String, Pending> flushing = new ConcurrentHashMap<>();

    LiveReactions(LiveSessions sessions, LiveSessionStore store, ChannelAccess access, LiveTopic topic,
                  LiveProperties properties, Clock clock) {
        this.sessions = sessions;
        this.store = store;
        this.access = access;
        this.topic = topic;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Counts one reaction; returning normally means it will be in the session's totals (the caller may
     * acknowledge it). Refused with {@code live_session_ended} once this node is ending the session or
     * knows it ended, and with {@code too_many_reactions} for a new key beyond
     * {@code relais.live.max-distinct-reactions}.
     *
     * @implNote The check and the count happen in one {@code pending.compute} for the channel, and the
     * end's flush takes {@code pending} for the same key only after {@link LiveSessions} marked the
     * channel as ending: a reaction is either counted before that flush or refused.
     */
    public void react(User user, String channelId, String emoji) {
        if (emoji == null || !EMOJI.matcher(emoji).matches()) throw RelaisException.invalid("Not a valid reaction");
        access.require(user, channelId, ChannelAction.REACT);
        LiveSession session = sessions.cached(channelId)
                .orElseThrow(() -> new RelaisException(ErrorCode.LIVE_SESSION_NOT_FOUND, "This channel is not live"));
        pending.compute(channelId, (id, p) -> {
            if (!sessions.acceptsReactions(channelId)) throw new RelaisException(ErrorCode.LIVE_SESSION_ENDED, "The live session has ended; this reaction was not counted");
            if (p == null || !p.counts.containsKey(emoji)) checkDistinct(channelId, session, p, emoji);
            Pending counted = p == null ? new Pending(session.startedAt()) : p;
            counted.counts.merge(emoji, 1L, Long::sum);
            counted.users.add(user.id());
            return counted;
        });
    }

    /** A new key is refused when the session (stored, counted here, being stored) already has the maximum. */
    private void checkDistinct(String channelId, LiveSession session, @Nullable Pending p, String emoji) {
        if (session.reactions().containsKey(emoji)) return;
        Set<String> keys = new HashSet<>(session.reactions().keySet());
        if (p != null) keys.addAll(p.counts.keySet());
        Pending inFlight = flushing.get(channelId);
        if (inFlight != null) keys.addAll(inFlight.counts.keySet());
        if (keys.contains(emoji)) return;
        if (keys.size() >= properties.maxDistinctReactions()) {
            throw new RelaisException(ErrorCode.TOO_MANY_REACTIONS, "This live session already has "
                    + properties.maxDistinctReactions() + " different reactions; use one of them");
        }
    }

    @Scheduled(fixedDelayString = "${relais.live.reaction-flush-every:PT1S}")
    void scheduledFlush() {
        for (String channelId : pending.keySet()) {
            try {
                flush(channelId);
            } catch (RuntimeException e) {
                log.warn("Could not flush live reactions of {}", channelId, e);
            }
        }
    }

    /**
     * Stores and broadcasts what this node counted for the channel since the last flush. One flush at a
     * time, so the end of a session (which flushes before removing it) waits for a scheduled flush in
     * progress instead of removing the session under it.
     */
    public synchronized void flush(String channelId) {
        Pending[] taken = new Pending[1];
        pending.computeIfPresent(channelId, (id, p) -> {
            taken[0] = p;
            flushing.put(id, p);
            return null;
        });
        Pending p = taken[0];
        if (p == null) return;
        try {
            if (p.counts.isEmpty()) return;
            Optional<LiveSession> after = store.addReactions(channelId, p.counts, p.users);
            if (after.isPresent()) {
                LiveSession session = after.get();
                sessions.remember(session);
                topic.publish(channelId, new LiveEvents.LiveReactionsCounted("live.reactions", channelId,
                        Map.copyOf(p.counts), session.reactions(), session.reactors(), clock.instant()));
            } else {
                foldLate(channelId, p);
            }
        } finally {
            flushing.remove(channelId);
        }
    }

    /**
     * Reactions acknowledged by this node while the session was ending on another one (this node trusted
     * its copy for up to {@code relais.live.session-cache-ttl}): added to the archived summary of that
     * session. If the other node has not archived it yet, they are kept for the next flush.
     */
    private void foldLate(String channelId, Pending p) {
        Instant now = clock.instant();
        if (store.addLateReactions(channelId, p.sessionStartedAt, p.counts, p.users)) {
            log.info("Added {} late reactions to the ended live session of {}",
                    p.counts.values().stream().mapToLong(Long::longValue).sum(), channelId);
            return;
        }
        if (p.lateSince == null) p.lateSince = now;
        if (Duration.between(p.lateSince, now).compareTo(LATE_FOLD_PATIENCE) > 0) {
            log.warn("Dropped late reactions {} of {}: the live session started at {} was neither live nor archived",
                    p.counts, channelId, p.sessionStartedAt);
            return;
        }
        pending.merge(channelId, p, (mine, later) -> {
            later.add(mine);
            return later;
        });
    }
}
