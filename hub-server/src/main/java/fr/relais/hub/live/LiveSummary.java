package fr.relais.hub.live;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Participation figures of an ended live session.
 *
 * @param messages     messages posted during the session (replies included, deleted and the banner excluded)
 * @param participants different people who posted
 * @param reactors     different people who reacted
 */
public record LiveSummary(String channelId, String title, Instant startedAt, Instant endedAt, long durationSeconds,
                          int messages, int participants, long reactionTotal, Map<String, Long> reactions, int reactors,
                          @Nullable String summaryMessageId) {
}
