package fr.relais.hub.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Live session settings ({@code relais.live}).
 *
 * @param reactionFlushEvery how often counted reactions are stored and broadcast (one event per channel)
 * @param sessionCacheTtl    how long a node trusts its copy of a channel's live state (slow mode is
 *                           checked on every post; a change made on another node applies after at most this)
 * @param maxSlowModeSeconds upper bound a moderator may set
 * @param maxDistinctReactions how many different reactions (emoji keys) one session may have; a new key
 *                           beyond it is refused with {@code too_many_reactions}, existing keys keep counting
 */
@ConfigurationProperties("relais.live")
public record LiveProperties(Duration reactionFlushEvery, Duration sessionCacheTtl, int maxSlowModeSeconds,
                             int maxDistinctReactions) {
    public LiveProperties {
        if (reactionFlushEvery == null) reactionFlushEvery = Duration.ofSeconds(1);
        if (sessionCacheTtl == null) sessionCacheTtl = Duration.ofSeconds(2);
        if (maxSlowModeSeconds <= 0) maxSlowModeSeconds = 3600;
        if (maxDistinctReactions <= 0) maxDistinctReactions = 24;
    }
}
