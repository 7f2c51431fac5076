import type { Meeting, Occurrence } from '../../api/meetings';

export const alice = { id: 'u-alice', username: 'alice', displayName: 'Alice Le Goff', bot: false };
export const coordinator = { ...alice, federation: '29', roles: ['FEDERATION_COORDINATOR'] };
export const member = { id: 'u-bruno', username: 'bruno', displayName: 'Bruno Kerjean', bot: false, federation: '29', roles: ['MEMBER'] };

/** 2026-11-21 09:00 UTC (10:00 in Paris). */
export const T0 = Date.UTC(2026, 10, 21, 9, 0);
export const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** An occurrence of meeting `meetingId` starting `minutes` after T0, lasting an hour. */
export function occ(meetingId: string, minutes: number, over: Partial<Occurrence> = {}): Occurrence {
  const start = at(minutes);
  return {
    meetingId, key: `k${minutes}`, title: `Réunion ${meetingId}`, agenda: null, start, end: at(minutes + 60),
    localStart: start.slice(0, 19), timeZone: 'Europe/Paris', originalStart: start.slice(0, 19), cancelled: false,
    changed: false, live: false, channelId: 'fed-29', ...over,
  };
}

export function meeting(id: string, over: Partial<Meeting> = {}): Meeting {
  return {
    id, title: `Réunion ${id}`, agenda: '- point 1', organizer: alice, start: '2026-11-24T18:00:00', durationMinutes: 60,
    timeZone: 'Europe/Paris', recurrence: 'FREQ=WEEKLY', exceptions: [], invitees: { federations: ['29'] },
    channelId: 'fed-29', cancelled: false, sequence: 0, version: 1, createdAt: at(-600), updatedAt: at(-600),
    viewer: { canEdit: false, invited: true, moderator: false }, nextOccurrences: [occ(id, 60), occ(id, 60 + 7 * 1440)],
    nextRsvp: { yes: 2, no: 0, maybe: 1, mine: null }, calendarPath: `/api/v1/meetings/${id}/calendar.ics`, ...over,
  };
}
