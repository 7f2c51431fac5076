/**
 * Scheduled video meetings on the party's Jitsi Meet: series with an RFC 5545 recurrence, single
 * occurrences edited or cancelled, invitations (users, roles, federations or a channel), RSVP,
 * iCalendar output, reminders and the "now live" state, and the signed Jitsi tokens that open a room.
 *
 * <p>Layers: {@code web → meetings ← store}. The domain knows no MongoDB, Spring Messaging or Jitsi
 * HTTP types; ical4j is used as the calendar arithmetic library (recurrence and iCalendar text), Nimbus
 * JOSE to sign Jitsi tokens.
 *
 * <ul>
 *   <li>{@link fr.relais.hub.meetings.MeetingPlanner} creates and changes meetings ({@code do}-style: it
 *       changes state and tells the channel).</li>
 *   <li>{@link fr.relais.hub.meetings.MeetingAccess} is the one door deciding who sees, edits, joins and
 *       moderates a meeting.</li>
 *   <li>{@link fr.relais.hub.meetings.Occurrences} expands a series into occurrences (recurrence,
 *       exceptions, per-occurrence changes); {@link fr.relais.hub.meetings.Recurrence} wraps ical4j.</li>
 *   <li>{@link fr.relais.hub.meetings.MeetingSweep} fires reminders and "now live" changes; each
 *       (meeting, occurrence, reminder) is claimed once in storage so several hub nodes never repeat one.</li>
 *   <li>{@link fr.relais.hub.meetings.JitsiTokenIssuer} signs the JWT Jitsi's token authentication expects.</li>
 * </ul>
 */
package fr.relais.hub.meetings;
