package fr.relais.hub.live;

import java.time.Instant;
import java.util.Map;

/** What live sessions publish on {@code /topic/live.<channelId>}; each record carries its wire {@code type}. */
public final class LiveEvents {
    private LiveEvents() {
    }

    /** {@code live.started} or {@code live.updated}: the whole session state. */
    public record LiveSessionChanged(String type, LiveSession session) {
    }

    /**
     * {@code live.reactions}: reactions counted since the previous event ({@code counts}) and since the
     * start ({@code totals}), at most once per {@code relais.live.reaction-flush-every} per channel.
     */
    public record LiveReactionsCounted(String type, String channelId, Map<String, Long> counts, Map<String, Long> totals,
                                       int reactors, Instant at) {
    }

    /** {@code live.ended}: the session is over; the summary was posted in the channel. */
    public record LiveSessionEnded(String type, LiveSummary summary) {
    }
}
