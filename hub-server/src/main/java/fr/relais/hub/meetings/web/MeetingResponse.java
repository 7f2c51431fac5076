package fr.relais.hub.meetings.web;

import fr.relais.hub.identity.Role;
import fr.relais.hub.identity.UserRef;
import fr.relais.hub.meetings.Meeting;
import fr.relais.hub.meetings.RsvpCounts;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

/**
 * A meeting as its viewer sees it: the series, the next occurrences, what the viewer may do, and the
 * answers to the next occurrence. Never the room secret.
 */
record MeetingResponse(String id, String title, String agenda, UserRef organizer, LocalDateTime start,
                       int durationMinutes, String timeZone, String recurrence, List<LocalDateTime> exceptions,
                       InviteesResponse invitees, String channelId, boolean cancelled, int sequence, long version,
                       Instant createdAt, Instant updatedAt, Viewer viewer, List<OccurrenceResponse> nextOccurrences,
                       RsvpCounts nextRsvp, String calendarPath) {

    record InviteesResponse(Set<String> userIds, Set<Role> roles, Set<String> federations, String channelId) {
    }

    /** What the caller may do: edit/cancel, join (invited), moderate the room. */
    record Viewer(boolean canEdit, boolean invited, boolean moderator) {
    }

    static MeetingResponse of(Meeting m, UserRef organizer, Viewer viewer, List<OccurrenceResponse> next, RsvpCounts rsvp) {
        return new MeetingResponse(m.id(), m.title(), m.agenda(), organizer, m.start(), m.durationMinutes(),
                m.timeZone().getId(), m.recurrence(), m.exceptions(),
                new InviteesResponse(m.invitees().userIds(), m.invitees().roles(), m.invitees().federations(),
                        m.invitees().channelId()),
                m.channelId(), m.cancelled(), m.sequence(), m.version(), m.createdAt(), m.updatedAt(), viewer, next, rsvp,
                "/api/v1/meetings/" + m.id() + "/calendar.ics");
    }
}
