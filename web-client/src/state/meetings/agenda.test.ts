import { describe, expect, it } from 'vitest';
import {
  bodyOf, canSchedule, currentOccurrence, emptyForm, formOf, formProblems, groupByDay, myAnswer, nthWeekday, presetOf,
  recurrenceRule, sortOccurrences, stateOf, totalAnswers, untilValue, withAnswer, zonedToUtc,
} from './agenda';
import { T0, meeting, occ } from './fixtures';

describe('the occurrence list', () => {
  it('sorts by start, drops duplicates (the newest copy wins) and groups upcoming ones by day in Paris', () => {
    const list = [occ('b', 600), occ('a', 60), occ('a', 60, { title: 'Renommée' }), occ('c', -300), occ('d', 900)];
    expect(sortOccurrences(list).map((o) => `${o.meetingId}:${o.title}`))
      .toEqual(['c:Réunion c', 'a:Renommée', 'b:Réunion b', 'd:Réunion d']);
    // c ended (it started 5 h before T0); T0+15 h is 00:00 the next day in Paris.
    const days = groupByDay(list, T0, 'Europe/Paris');
    expect(days.map((d) => [d.day, d.items.map((o) => o.meetingId)])).toEqual([
      ['2026-11-21', ['a', 'b']],
      ['2026-11-22', ['d']],
    ]);
  });

  it('tells live, upcoming, ended and cancelled apart, and picks the occurrence a page is about', () => {
    const live = occ('m', -10);
    const next = occ('m', 1440);
    const cancelled = occ('m', 30, { cancelled: true });
    expect(stateOf(live, T0)).toBe('live');
    expect(stateOf(next, T0)).toBe('upcoming');
    expect(stateOf(occ('m', -120), T0)).toBe('ended');
    expect(stateOf(cancelled, T0)).toBe('cancelled');
    expect(currentOccurrence([next, cancelled, live], T0)?.key).toBe(live.key);
    expect(currentOccurrence([next, cancelled], T0)?.key).toBe(next.key);
    expect(currentOccurrence([cancelled], T0)?.key).toBe(cancelled.key);
  });
});

describe('RSVP counts', () => {
  it('reads my answer whatever its case and moves my vote when I change my mind', () => {
    expect(myAnswer({ yes: 1, no: 0, maybe: 0, mine: 'YES' })).toBe('yes');
    expect(myAnswer({ yes: 1, no: 0, maybe: 0 })).toBeNull();
    const first = withAnswer({ yes: 2, no: 1, maybe: 0, mine: null }, 'maybe');
    expect(first).toEqual({ yes: 2, no: 1, maybe: 1, mine: 'maybe' });
    const changed = withAnswer({ ...first, mine: 'MAYBE' }, 'yes');
    expect(changed).toEqual({ yes: 3, no: 1, maybe: 0, mine: 'yes' });
    expect(withAnswer(changed, 'yes')).toEqual(changed);
    expect(withAnswer(undefined, 'no')).toEqual({ yes: 0, no: 1, maybe: 0, mine: 'no' });
    expect(totalAnswers(changed)).toBe(4);
  });
});

describe('recurrence presets', () => {
  it('builds weekly, every other week and monthly on the start’s weekday, with an end date in the meeting’s zone', () => {
    expect(recurrenceRule('none', '2026-03-10', '', 'Europe/Paris')).toBeUndefined();
    expect(recurrenceRule('weekly', '2026-03-10', '', 'Europe/Paris')).toBe('FREQ=WEEKLY');
    expect(recurrenceRule('biweekly', '2026-03-10', '', 'Europe/Paris')).toBe('FREQ=WEEKLY;INTERVAL=2');
    expect(nthWeekday('2026-03-10')).toEqual({ weekday: 2, nth: 2 }); // the 2nd Tuesday of March 2026
    expect(recurrenceRule('monthly', '2026-03-10', '', 'Europe/Paris')).toBe('FREQ=MONTHLY;BYDAY=2TU');
    expect(recurrenceRule('monthly', '2026-03-31', '', 'Europe/Paris')).toBe('FREQ=MONTHLY;BYDAY=-1TU');
    expect(untilValue('2026-06-30', 'Europe/Paris')).toBe('20260630T215959Z'); // summer time: UTC+2
    expect(untilValue('2026-12-31', 'Europe/Paris')).toBe('20261231T225959Z');
    expect(recurrenceRule('weekly', '2026-03-10', '2026-06-30', 'Europe/Paris')).toBe('FREQ=WEEKLY;UNTIL=20260630T215959Z');
    expect(recurrenceRule('custom', '2026-03-10', '2026-06-30', 'Europe/Paris', 'RRULE:FREQ=DAILY;COUNT=3')).toBe('FREQ=DAILY;COUNT=3');
  });

  it('reads a rule back into the form', () => {
    expect(presetOf('FREQ=WEEKLY;INTERVAL=2;UNTIL=20260630T215959Z', 'Europe/Paris')).toEqual({ preset: 'biweekly', until: '2026-06-30', custom: '' });
    expect(presetOf('FREQ=MONTHLY;BYDAY=2TU', 'Europe/Paris').preset).toBe('monthly');
    expect(presetOf(null, 'Europe/Paris').preset).toBe('none');
    expect(presetOf('FREQ=DAILY;COUNT=3', 'Europe/Paris')).toEqual({ preset: 'custom', until: '', custom: 'FREQ=DAILY;COUNT=3' });
  });

  it('converts a wall-clock time of a zone to an instant across daylight saving', () => {
    expect(new Date(zonedToUtc('2026-03-31T18:00', 'Europe/Paris')).toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(new Date(zonedToUtc('2026-01-15T18:00', 'Europe/Paris')).toISOString()).toBe('2026-01-15T17:00:00.000Z');
    expect(new Date(zonedToUtc('2026-01-15T18:00', 'Indian/Reunion')).toISOString()).toBe('2026-01-15T14:00:00.000Z');
  });
});

describe('the meeting form', () => {
  it('says what is missing, then builds the body with exceptions at the start time', () => {
    const f = emptyForm(T0, '29');
    expect(f.timeZone).toBe('Europe/Paris');
    expect(f.date).toBe('2026-11-28');
    expect(formProblems({ ...f, federations: [] })).toEqual(['meetings.form.problem.title', 'meetings.form.problem.invitees']);
    const ready = { ...f, title: ' Point hebdo ', repeat: 'weekly' as const, until: '2027-01-31', exceptions: ['2026-12-26', '2026-12-05'] };
    expect(formProblems(ready)).toEqual([]);
    expect(bodyOf(ready)).toEqual({
      title: 'Point hebdo', agenda: '', start: '2026-11-28T18:00', durationMinutes: 60, timeZone: 'Europe/Paris',
      recurrence: 'FREQ=WEEKLY;UNTIL=20270131T225959Z', exceptions: ['2026-12-05T18:00', '2026-12-26T18:00'],
      invitees: { userIds: [], roles: [], federations: ['29'] },
    });
    expect(formProblems({ ...ready, until: '2026-11-01' })).toEqual(['meetings.form.problem.until']);
    // No recurrence: the exceptions are not sent.
    expect(bodyOf({ ...ready, repeat: 'none' }).exceptions).toBeUndefined();
  });

  it('fills the form from a meeting to edit the series', () => {
    const f = formOf(meeting('m1', { recurrence: 'FREQ=MONTHLY;BYDAY=4TU', exceptions: ['2026-12-22T18:00:00'], channelId: 'fed-29' }));
    expect(f).toMatchObject({ date: '2026-11-24', time: '18:00', repeat: 'monthly', exceptions: ['2026-12-22'], federations: ['29'], channelId: 'fed-29' });
    expect(bodyOf(f).recurrence).toBe('FREQ=MONTHLY;BYDAY=4TU');
  });

  it('lets staff and coordinators schedule', () => {
    expect(canSchedule(['FEDERATION_COORDINATOR'])).toBe(true);
    expect(canSchedule(['HQ_STAFF'])).toBe(true);
    expect(canSchedule(['MEMBER'])).toBe(false);
  });
});
