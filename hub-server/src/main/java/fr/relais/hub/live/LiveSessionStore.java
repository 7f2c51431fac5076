package fr.relais.hub.live;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Persistence port of live sessions (implemented in {@code store/}). */
public interface LiveSessionStore {
    /** Stores a new session; false when the channel already has one (on any node). */
    boolean insert(LiveSession session);

    Optional<LiveSession> find(String channelId);

    /** Replaces title, link, slow mode and banner id of the current session; empty when it has ended. */
    Optional<LiveSession> update(LiveSession session);

    /** Adds counted reactions and reactors; returns the session after (empty when it has ended). */
    Optional<LiveSession> addReactions(String channelId, Map<String, Long> counts, Set<String> reactorIds);

    /** Removes the current session atomically: exactly one caller gets it. */
    Optional<LiveSession> remove(String channelId);

    void archive(LiveSummary summary);

    /**
     * Adds reactions counted after the session ended (on a node that had not seen the end yet) to its
     * archived summary ({@code reactions}, {@code reactionTotal}); false when that summary is not archived yet.
     */
    boolean addLateReactions(String channelId, Instant startedAt, Map<String, Long> counts, Set<String> reactorIds);

    /**
     * Takes the author's posting slot in slow mode: true if their previous post in the channel is at least
     * {@code interval} old (or there is none), and records {@code now}; false otherwise. Atomic across nodes.
     */
    boolean claimPostSlot(String channelId, String userId, Instant now, Duration interval);

    void clearPostSlots(String channelId);
}
