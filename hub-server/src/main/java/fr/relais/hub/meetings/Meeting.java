package fr.relais.hub.meetings;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A scheduled meeting: one occurrence, or a series when {@code recurrence} is set.
 *
 * @param start        local start of the first occurrence in {@code timeZone} (wall-clock time: a
 *                     weekly 18:00 Paris meeting stays at 18:00 across daylight-saving changes)
 * @param recurrence   an RFC 5545 RRULE value without the {@code RRULE:} prefix, or null
 * @param exceptions   original local starts excluded from the series (EXDATE)
 * @param changes      per-occurrence changes, by occurrence key (see {@link Occurrence#key})
 * @param channelId    the channel where the meeting is announced and reminded, or null
 * @param roomSecret   random per meeting; room names are derived from it, so never shown to anyone
 * @param sequence     iCalendar SEQUENCE: raised on every change so calendar apps update their copy
 * @param version      optimistic-lock counter of the stored document
 */
public record Meeting(String id, String title, String agenda, String organizerId, LocalDateTime start,
                      int durationMinutes, ZoneId timeZone, @Nullable String recurrence,
                      List<LocalDateTime> exceptions, Map<String, OccurrenceChange> changes, Invitees invitees,
                      @Nullable String channelId, boolean cancelled, String roomSecret, int sequence,
                      Instant createdAt, Instant updatedAt, long version) {

    public Meeting {
        exceptions = List.copyOf(exceptions);
        changes = java.util.Collections.unmodifiableMap(new TreeMap<>(changes));
    }

    public boolean recurring() {
        return recurrence != null;
    }

    public Meeting withChange(String occurrenceKey, OccurrenceChange change, Instant at) {
        Map<String, OccurrenceChange> updated = new TreeMap<>(changes);
        updated.merge(occurrenceKey, change, OccurrenceChange::merge);
        return new Meeting(id, title, agenda, organizerId, start, durationMinutes, timeZone, recurrence, exceptions,
                updated, invitees, channelId, cancelled, roomSecret, sequence + 1, createdAt, at, version);
    }

    public Meeting cancelledAt(Instant at) {
        return new Meeting(id, title, agenda, organizerId, start, durationMinutes, timeZone, recurrence, exceptions,
                changes, invitees, channelId, true, roomSecret, sequence + 1, createdAt, at, version);
    }

    public Meeting withSeries(MeetingDraft draft, Map<String, OccurrenceChange> keptChanges, Instant at) {
        return new Meeting(id, draft.title(), draft.agenda(), organizerId, draft.start(), draft.durationMinutes(),
                draft.timeZone(), draft.recurrence(), draft.exceptions(), keptChanges, draft.invitees(),
                draft.channelId(), cancelled, roomSecret, sequence + 1, createdAt, at, version);
    }
}
