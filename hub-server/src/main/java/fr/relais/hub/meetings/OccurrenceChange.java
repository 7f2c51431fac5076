package fr.relais.hub.meetings;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/**
 * What differs for one occurrence of a series (iCalendar: an instance with a RECURRENCE-ID). Null
 * fields keep the series' value.
 *
 * @param start local start in the meeting's time zone, when moved
 */
public record OccurrenceChange(@Nullable LocalDateTime start, @Nullable Integer durationMinutes,
                               @Nullable String title, @Nullable String agenda, boolean cancelled) {

    public OccurrenceChange merge(OccurrenceChange newer) {
        return new OccurrenceChange(newer.start != null ? newer.start : start,
                newer.durationMinutes != null ? newer.durationMinutes : durationMinutes,
                newer.title != null ? newer.title : title,
                newer.agenda != null ? newer.agenda : agenda,
                cancelled || newer.cancelled);
    }

    public static OccurrenceChange cancellation() {
        return new OccurrenceChange(null, null, null, null, true);
    }
}
