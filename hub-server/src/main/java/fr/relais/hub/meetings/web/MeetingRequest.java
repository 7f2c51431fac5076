package fr.relais.hub.meetings.web;

import fr.relais.hub.common.RelaisException;
import fr.relais.hub.identity.Role;
import fr.relais.hub.meetings.Invitees;
import fr.relais.hub.meetings.MeetingDraft;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * A meeting as sent by a client (create, or replace the series).
 *
 * @param start      local date-time in {@code timeZone}, e.g. {@code 2026-03-10T18:00}
 * @param timeZone   IANA zone id; default {@code relais.meetings.default-time-zone} (Europe/Paris)
 * @param recurrence RRULE value, e.g. {@code FREQ=WEEKLY;INTERVAL=2;UNTIL=20260630T220000Z}
 * @param exceptions local starts of occurrences that do not take place (EXDATE)
 * @param channelId  where the meeting is announced and reminded
 */
record MeetingRequest(String title, String agenda, LocalDateTime start, Integer durationMinutes, String timeZone,
                      String recurrence, List<LocalDateTime> exceptions, InviteesBody invitees, String channelId) {

    record InviteesBody(Set<String> userIds, Set<Role> roles, Set<String> federations, String channelId) {
        Invitees toInvitees() {
            return new Invitees(userIds, roles, federations, channelId);
        }
    }

    MeetingDraft toDraft(ZoneId defaultZone) {
        ZoneId zone;
        try {
            zone = timeZone == null || timeZone.isBlank() ? defaultZone : ZoneId.of(timeZone.trim());
        } catch (DateTimeException e) {
            throw RelaisException.invalid("timeZone must be an IANA time zone such as Europe/Paris");
        }
        if (durationMinutes == null) throw RelaisException.invalid("durationMinutes is required");
        if (start == null) throw RelaisException.invalid("start is required, e.g. 2026-03-10T18:00 (local time in timeZone)");
        Invitees inv = invitees == null ? new Invitees(Set.of(), Set.of(), Set.of(), null) : invitees.toInvitees();
        return new MeetingDraft(title, agenda, start.withNano(0), durationMinutes, zone, recurrence, exceptions, inv, channelId);
    }
}
