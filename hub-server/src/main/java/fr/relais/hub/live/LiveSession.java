package fr.relais.hub.live;

import fr.relais.hub.identity.UserRef;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A channel's current live session.
 *
 * @param slowModeSeconds  0 = no slow mode
 * @param startSeq         the channel's last seq when the session started (messages after it are counted)
 * @param bannerMessageId  the pinned banner message, once posted
 * @param reactions        emoji → count since the start (all nodes)
 * @param reactors         how many different people reacted
 */
public record LiveSession(String channelId, String title, @Nullable String link, int slowModeSeconds, UserRef startedBy,
                          Instant startedAt, long startSeq, @Nullable String bannerMessageId, Map<String, Long> reactions,
                          int reactors) {
    public LiveSession {
        reactions = Map.copyOf(reactions);
    }

    public long reactionTotal() {
        return reactions.values().stream().mapToLong(Long::longValue).sum();
    }
}
