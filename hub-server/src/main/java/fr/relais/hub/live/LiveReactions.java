package fr.relais.hub.live;

import fr.relais.hub.channels.ChannelAccess;
import fr.relais.hub.channels.ChannelAction;
import fr.relais.hub.common.RelaisException;
import fr.relais.hub.common.ErrorCode;
import fr.relais.hub.identity.User;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
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
    }

    private final LiveSessions sessions;
    private final LiveSessionStore store;
    private final ChannelAccess access;
    private final LiveTopic topic;
    private final Clock clock;
    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();

    LiveReactions(LiveSessions sessions, LiveSessionStore store, ChannelAccess access, LiveTopic topic, Clock clock) {
        this.sessions = sessions;
        this.store = store;
        this.access = access;
        this.topic = topic;
        this.clock = clock;
    }

    public void react(User user, String channelId, String emoji) {
        if (emoji == null || !EMOJI.matcher(emoji).matches()) throw RelaisException.invalid("Not a valid reaction");
        access.require(user, channelId, ChannelAction.REACT);
        if (sessions.cached(channelId).isEmpty()) {
            throw new RelaisException(ErrorCode.LIVE_SESSION_NOT_FOUND, "This channel is not live");
        }
        pending.compute(channelId, (id, p) -> {
            Pending counted = p == null ? new Pending() : p;
            counted.counts.merge(emoji, 1L, Long::sum);
            counted.users.add(user.id());
            return counted;
        });
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

    /** Stores and broadcasts what this node counted for the channel since the last flush. */
    public void flush(String channelId) {
        Pending p = pending.remove(channelId);
        if (p == null || p.counts.isEmpty()) return;
        store.addReactions(channelId, p.counts, p.users).ifPresent(session -> {
            sessions.remember(session);
            topic.publish(channelId, new LiveEvents.LiveReactionsCounted("live.reactions", channelId, Map.copyOf(p.counts),
                    session.reactions(), session.reactors(), clock.instant()));
        });
    }
}
