package fr.relais.hub.meetings.web;

import fr.relais.hub.meetings.Occurrence;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

/**
 * One occurrence as clients see it. {@code start}/{@code end} carry the offset valid at that date;
 * {@code localStart} is the wall-clock time in {@code timeZone}. {@code live} is true while it is in progress.
 */
record OccurrenceResponse(String meetingId, String key, String title, String agenda, OffsetDateTime start,
                          OffsetDateTime end, LocalDateTime localStart, String timeZone, LocalDateTime originalStart,
                          boolean cancelled, boolean changed, boolean live, String channelId) {
    static OccurrenceResponse of(Occurrence o, Instant now) {
        return new OccurrenceResponse(o.meetingId(), o.key(), o.title(), o.agenda(), o.start().toOffsetDateTime(),
                o.end().toOffsetDateTime(), o.start().toLocalDateTime(), o.start().getZone().getId(),
                o.originalStart().toLocalDateTime(), o.cancelled(), o.changed(), o.inProgressAt(now), o.channelId());
    }
}
