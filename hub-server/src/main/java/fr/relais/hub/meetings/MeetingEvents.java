package fr.relais.hub.meetings;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What the meetings feature tells clients live. Each record carries its wire {@code type}. Personal ones
 * go to the invitee's {@code /user/queue/events}; {@code meeting.started} and {@code meeting.ended} also go
 * to {@code /topic/live.<channelId>} of the meeting's channel.
 */
public final class MeetingEvents {
    private MeetingEvents() {
    }

    /** An occurrence is coming: {@code type} {@code meeting.reminder}. */
    public record MeetingReminded(String type, String meetingId, String occurrenceKey, String title, Instant startsAt,
                                  Instant endsAt, String timeZone, @Nullable String channelId, long minutesBefore) {
        static MeetingReminded of(Occurrence o, Meeting m, long minutesBefore) {
            return new MeetingReminded("meeting.reminder", m.id(), o.key(), o.title(), o.start().toInstant(),
                    o.end().toInstant(), m.timeZone().getId(), m.channelId(), minutesBefore);
        }
    }

    /** An occurrence began or ended: {@code type} {@code meeting.started} or {@code meeting.ended}. */
    public record MeetingLiveChanged(String type, String meetingId, String occurrenceKey, String title,
                                     Instant startsAt, Instant endsAt, @Nullable String channelId) {
        static MeetingLiveChanged started(Occurrence o, Meeting m) {
            return new MeetingLiveChanged("meeting.started", m.id(), o.key(), o.title(), o.start().toInstant(),
                    o.end().toInstant(), m.channelId());
        }

        static MeetingLiveChanged ended(Occurrence o, Meeting m) {
            return new MeetingLiveChanged("meeting.ended", m.id(), o.key(), o.title(), o.start().toInstant(),
                    o.end().toInstant(), m.channelId());
        }
    }
}
