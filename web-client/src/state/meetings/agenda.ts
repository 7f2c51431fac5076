import type { Meeting, MeetingBody, Occurrence, RsvpAnswer, RsvpCounts } from '../../api/meetings';

// Pure rules of the meetings screens: the occurrence list, RSVP counts, recurrence presets, the form.

export const DEFAULT_TIME_ZONE = 'Europe/Paris';
/** Paris and the overseas federations' zones, offered in the form (any IANA zone is accepted by the hub). */
export const TIME_ZONES = ['Europe/Paris', 'America/Guadeloupe', 'America/Martinique', 'America/Cayenne', 'Indian/Reunion',
  'Indian/Mayotte', 'America/Miquelon', 'Pacific/Noumea', 'Pacific/Tahiti', 'Pacific/Wallis'];
export const ANSWERS: RsvpAnswer[] = ['yes', 'maybe', 'no'];
export const SCHEDULER_ROLES = ['NATIONAL_ADMIN', 'HQ_STAFF', 'FEDERATION_COORDINATOR'];
export const STAFF_ROLES = ['NATIONAL_ADMIN', 'HQ_STAFF'];
export const INVITABLE_ROLES = ['FEDERATION_COORDINATOR', 'REGIONAL_DELEGATE', 'NATIONAL_COMMUNICATION_SECRETARY', 'HQ_STAFF', 'MEMBER'];

export function canSchedule(roles: readonly string[]): boolean {
  return roles.some((r) => SCHEDULER_ROLES.includes(r));
}

export function isStaff(roles: readonly string[]): boolean {
  return roles.some((r) => STAFF_ROLES.includes(r));
}

// ---- the occurrence list ----------------------------------------------------------------------

export function occurrenceId(o: Pick<Occurrence, 'meetingId' | 'key'>): string {
  return `${o.meetingId}/${o.key}`;
}

/** Occurrences by start (then title), without duplicates (the same meeting and key once, the newest copy wins). */
export function sortOccurrences(list: readonly Occurrence[]): Occurrence[] {
  const byId = new Map<string, Occurrence>();
  for (const o of list) byId.set(occurrenceId(o), o);
  return [...byId.values()].sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.title.localeCompare(b.title));
}

/** Upcoming occurrences (not ended at `now`), grouped by calendar day in `timeZone`, in order. */
export function groupByDay(list: readonly Occurrence[], now: number, timeZone?: string): { day: string; items: Occurrence[] }[] {
  const groups: { day: string; items: Occurrence[] }[] = [];
  for (const o of sortOccurrences(list)) {
    if (Date.parse(o.end) <= now) continue;
    const day = dayKey(o.start, timeZone);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.items.push(o);
    else groups.push({ day, items: [o] });
  }
  return groups;
}

/** "2026-03-31": the calendar day of an instant in a time zone (the browser's when absent). */
export function dayKey(iso: string, timeZone?: string): string {
  const p = zonedParts(Date.parse(iso), timeZone);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

export type OccurrenceState = 'live' | 'upcoming' | 'ended' | 'cancelled';

export function stateOf(o: Occurrence, now: number): OccurrenceState {
  if (o.cancelled) return 'cancelled';
  if (Date.parse(o.end) <= now) return 'ended';
  if (o.live || Date.parse(o.start) <= now) return 'live';
  return 'upcoming';
}

/** The occurrence a meeting page is about: the one in progress, else the next not cancelled, else the next. */
export function currentOccurrence(list: readonly Occurrence[], now: number): Occurrence | undefined {
  const sorted = sortOccurrences(list).filter((o) => Date.parse(o.end) > now);
  return sorted.find((o) => !o.cancelled && stateOf(o, now) === 'live') ?? sorted.find((o) => !o.cancelled) ?? sorted[0];
}

// ---- RSVP -------------------------------------------------------------------------------------

export function myAnswer(c: RsvpCounts | null | undefined): RsvpAnswer | null {
  const m = c?.mine?.toLowerCase();
  return m === 'yes' || m === 'no' || m === 'maybe' ? m : null;
}

/** The counts once `answer` is given, before the hub confirms (the latest answer counts, so the old one is taken back). */
export function withAnswer(c: RsvpCounts | null | undefined, answer: RsvpAnswer): RsvpCounts {
  const next = { yes: c?.yes ?? 0, no: c?.no ?? 0, maybe: c?.maybe ?? 0, mine: answer };
  const previous = myAnswer(c);
  if (previous === answer) return next;
  if (previous) next[previous] = Math.max(0, next[previous] - 1);
  next[answer] += 1;
  return next;
}

export function totalAnswers(c: RsvpCounts | null | undefined): number {
  return (c?.yes ?? 0) + (c?.no ?? 0) + (c?.maybe ?? 0);
}

// ---- recurrence presets -----------------------------------------------------------------------

export type RepeatPreset = 'none' | 'weekly' | 'biweekly' | 'monthly' | 'custom';

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** Which weekday of its month a date is: "2026-03-10" → {weekday: 2 (Tuesday), nth: 2}; the 5th becomes -1 (the last). */
export function nthWeekday(date: string): { weekday: number; nth: number } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const nth = Math.ceil(d / 7);
  return { weekday, nth: nth >= 5 ? -1 : nth };
}

/**
 * The RRULE for a preset starting on `date` ("yyyy-mm-dd"), ending after `until` ("yyyy-mm-dd", the whole
 * day in `timeZone`) when given. Monthly follows the start's weekday: started on the 2nd Tuesday, every
 * 2nd Tuesday.
 */
export function recurrenceRule(preset: RepeatPreset, date: string, until: string, timeZone: string, custom = ''): string | undefined {
  let rule: string;
  if (preset === 'none') return undefined;
  if (preset === 'custom') rule = custom.trim().replace(/^RRULE:/i, '');
  else if (preset === 'weekly') rule = 'FREQ=WEEKLY';
  else if (preset === 'biweekly') rule = 'FREQ=WEEKLY;INTERVAL=2';
  else {
    const { weekday, nth } = nthWeekday(date);
    rule = `FREQ=MONTHLY;BYDAY=${nth}${DAYS[weekday]}`;
  }
  if (!rule) return undefined;
  if (until && !/(^|;)(UNTIL|COUNT)=/i.test(rule)) rule += `;UNTIL=${untilValue(until, timeZone)}`;
  return rule;
}

/** The end of the day `until` in `timeZone`, in UTC, as an RRULE UNTIL: 2026-06-30 in Paris → 20260630T215959Z. */
export function untilValue(until: string, timeZone: string): string {
  const ms = zonedToUtc(`${until}T23:59:59`, timeZone);
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** Reads a meeting's rule back into the form: the preset, the end date (in `timeZone`), or "custom". */
export function presetOf(rule: string | null | undefined, timeZone: string): { preset: RepeatPreset; until: string; custom: string } {
  if (!rule) return { preset: 'none', until: '', custom: '' };
  const parts = new Map(rule.replace(/^RRULE:/i, '').split(';').map((p) => p.split('=') as [string, string]));
  const untilRaw = parts.get('UNTIL');
  let until = '';
  if (untilRaw) {
    const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(untilRaw);
    if (m) {
      const ms = m[7] ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) : NaN;
      until = Number.isNaN(ms) ? `${m[1]}-${m[2]}-${m[3]}` : dayKey(new Date(ms).toISOString(), timeZone);
    }
  }
  const rest = [...parts.entries()].filter(([k]) => k !== 'UNTIL').map(([k, v]) => `${k}=${v}`).join(';');
  if (rest === 'FREQ=WEEKLY' || rest === 'FREQ=WEEKLY;INTERVAL=1') return { preset: 'weekly', until, custom: '' };
  if (rest === 'FREQ=WEEKLY;INTERVAL=2') return { preset: 'biweekly', until, custom: '' };
  if (/^FREQ=MONTHLY;BYDAY=-?[1-5](SU|MO|TU|WE|TH|FR|SA)$/.test(rest)) return { preset: 'monthly', until, custom: '' };
  return { preset: 'custom', until: '', custom: rule };
}

// ---- the form ---------------------------------------------------------------------------------

export interface MeetingForm {
  title: string;
  agenda: string;
  date: string;
  time: string;
  durationMinutes: number;
  timeZone: string;
  repeat: RepeatPreset;
  until: string;
  customRule: string;
  exceptions: string[];
  userIds: string[];
  roles: string[];
  federations: string[];
  inviteChannelId: string;
  channelId: string;
}

export function emptyForm(now: number, federation?: string): MeetingForm {
  // Next full hour in Paris, a week from today: a sensible default that is never in the past.
  const p = zonedParts(now + 7 * 86_400_000, DEFAULT_TIME_ZONE);
  return {
    title: '', agenda: '', date: `${p.year}-${pad(p.month)}-${pad(p.day)}`, time: '18:00', durationMinutes: 60,
    timeZone: DEFAULT_TIME_ZONE, repeat: 'none', until: '', customRule: '', exceptions: [], userIds: [], roles: [],
    federations: federation ? [federation] : [], inviteChannelId: '', channelId: '',
  };
}

export function formOf(m: Meeting): MeetingForm {
  const [date = '', time = ''] = m.start.split('T');
  const { preset, until, custom } = presetOf(m.recurrence, m.timeZone);
  return {
    title: m.title, agenda: m.agenda ?? '', date, time: time.slice(0, 5), durationMinutes: m.durationMinutes,
    timeZone: m.timeZone, repeat: preset, until, customRule: custom,
    exceptions: (m.exceptions ?? []).map((e) => e.slice(0, 10)),
    userIds: [...(m.invitees.userIds ?? [])], roles: [...(m.invitees.roles ?? [])],
    federations: [...(m.invitees.federations ?? [])], inviteChannelId: m.invitees.channelId ?? '', channelId: m.channelId ?? '',
  };
}

/** What the form misses, as i18n keys (empty when it can be sent). */
export function formProblems(f: MeetingForm): string[] {
  const problems: string[] = [];
  if (!f.title.trim()) problems.push('meetings.form.problem.title');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(f.date) || !/^\d{2}:\d{2}$/.test(f.time)) problems.push('meetings.form.problem.start');
  if (!(f.durationMinutes >= 5 && f.durationMinutes <= 720)) problems.push('meetings.form.problem.duration');
  if (f.userIds.length + f.roles.length + f.federations.length === 0 && !f.inviteChannelId) problems.push('meetings.form.problem.invitees');
  if (f.repeat !== 'none' && f.until && f.until < f.date) problems.push('meetings.form.problem.until');
  if (f.repeat === 'custom' && !/FREQ=/i.test(f.customRule)) problems.push('meetings.form.problem.rule');
  return problems;
}

export function bodyOf(f: MeetingForm): MeetingBody {
  const recurrence = recurrenceRule(f.repeat, f.date, f.until, f.timeZone, f.customRule);
  const body: MeetingBody = {
    title: f.title.trim(), agenda: f.agenda, start: `${f.date}T${f.time}`, durationMinutes: f.durationMinutes,
    timeZone: f.timeZone || DEFAULT_TIME_ZONE,
    invitees: {
      userIds: f.userIds, roles: f.roles, federations: f.federations,
      ...(f.inviteChannelId ? { channelId: f.inviteChannelId } : {}),
    },
  };
  if (recurrence) {
    body.recurrence = recurrence;
    if (f.exceptions.length) body.exceptions = [...new Set(f.exceptions)].sort().map((d) => `${d}T${f.time}`);
  }
  if (f.channelId) body.channelId = f.channelId;
  return body;
}

// ---- time zones -------------------------------------------------------------------------------

interface Parts { year: number; month: number; day: number; hour: number; minute: number; second: number }

/** The wall-clock fields of an instant in a time zone (the browser's when absent). */
export function zonedParts(ms: number, timeZone?: string): Parts {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
  const get = (type: string) => Number(f.formatToParts(new Date(ms)).find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The instant of a local date-time ("2026-03-31T18:00[:00]") in a time zone. */
export function zonedToUtc(local: string, timeZone: string): number {
  const [date, time = '00:00'] = local.split('T') as [string, string?];
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi, s = 0] = time.split(':').map(Number) as [number, number, number?];
  const wanted = Date.UTC(y, mo - 1, d, h, mi, s);
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const p = zonedParts(guess, timeZone);
    const seen = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    guess += wanted - seen;
  }
  return guess;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
