import { ApiError } from './errors';
import { problemFromText, type RestClient } from './rest';
import type { UserRef } from './types';

// Wire types of "Meetings and live sessions" (docs/api.md).

export type RsvpAnswer = 'yes' | 'no' | 'maybe';

export interface RsvpCounts {
  yes: number;
  no: number;
  maybe: number;
  /** The caller's answer (the hub writes the enum in upper case); absent when they have not answered. */
  mine?: string | null;
}

/** One occurrence of a meeting: `start`/`end` carry their offset, `localStart` is the wall clock in `timeZone`. */
export interface Occurrence {
  meetingId: string;
  key: string;
  title: string;
  agenda?: string | null;
  start: string;
  end: string;
  localStart: string;
  timeZone: string;
  originalStart: string;
  cancelled: boolean;
  changed: boolean;
  live: boolean;
  channelId?: string | null;
}

export interface Invitees {
  userIds?: string[] | null;
  roles?: string[] | null;
  federations?: string[] | null;
  channelId?: string | null;
}

export interface Meeting {
  id: string;
  title: string;
  agenda?: string | null;
  organizer: UserRef;
  /** Local date-time in `timeZone`, e.g. 2026-03-10T18:00:00. */
  start: string;
  durationMinutes: number;
  timeZone: string;
  recurrence?: string | null;
  exceptions?: string[] | null;
  invitees: Invitees;
  channelId?: string | null;
  cancelled: boolean;
  sequence: number;
  version: number;
  createdAt: string;
  updatedAt: string;
  viewer: { canEdit: boolean; invited: boolean; moderator: boolean };
  nextOccurrences: Occurrence[];
  nextRsvp?: RsvpCounts | null;
  calendarPath: string;
}

/** The body of POST /meetings and PUT /meetings/{id}. */
export interface MeetingBody {
  title: string;
  agenda?: string;
  start: string;
  durationMinutes: number;
  timeZone: string;
  recurrence?: string;
  exceptions?: string[];
  invitees: Invitees;
  channelId?: string;
}

export interface OccurrenceChange {
  start?: string;
  durationMinutes?: number;
  title?: string;
  agenda?: string;
}

export interface VideoConfig {
  configured: boolean;
  domain?: string | null;
  deployment?: string | null;
  externalApiUrl?: string | null;
}

export interface JoinInfo {
  domain: string;
  deployment: string;
  roomName: string;
  room: string;
  jwt: string;
  expiresAt: string;
  moderator: boolean;
  displayName: string;
  externalApiUrl: string;
  joinUrl: string;
  occurrence: Occurrence;
}

export interface CalendarFeed {
  url: string;
  path: string;
}

export interface LiveSession {
  channelId: string;
  title: string;
  link?: string | null;
  slowModeSeconds: number;
  startedBy: UserRef;
  startedAt: string;
  startSeq: number;
  bannerMessageId?: string | null;
  reactions: Record<string, number>;
  reactors: number;
}

export interface LiveSummary {
  channelId: string;
  title: string;
  startedAt: string;
  endedAt: string;
  durationSeconds: number;
  messages: number;
  participants: number;
  reactionTotal: number;
  reactions: Record<string, number>;
  reactors: number;
  summaryMessageId?: string | null;
}

export interface LiveState {
  live: boolean;
  session?: LiveSession | null;
  canModerate: boolean;
}

export interface LiveSettings {
  title?: string;
  link?: string;
  slowModeSeconds?: number;
}

/** What arrives on /topic/live.<channelId>, and meeting.* / meeting.reminder on /user/queue/events. */
export type LiveFrame =
  | { type: 'live.started' | 'live.updated'; session: LiveSession }
  | { type: 'live.reactions'; channelId: string; counts: Record<string, number>; totals: Record<string, number>; reactors: number; at: string }
  | { type: 'live.ended'; summary: LiveSummary }
  | MeetingLiveEvent
  | MeetingReminder;

export interface MeetingLiveEvent {
  type: 'meeting.started' | 'meeting.ended';
  meetingId: string;
  occurrenceKey: string;
  title: string;
  startsAt: string;
  endsAt: string;
  channelId?: string | null;
}

export interface MeetingReminder {
  type: 'meeting.reminder';
  meetingId: string;
  occurrenceKey: string;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  channelId?: string | null;
  minutesBefore: number;
}

export const LIVE_TYPES = new Set(['live.started', 'live.updated', 'live.reactions', 'live.ended']);
export const MEETING_EVENT_TYPES = new Set(['meeting.started', 'meeting.ended', 'meeting.reminder']);

export interface Federation {
  code: string;
  name: string;
  region?: string;
  channelId?: string;
}

const enc = encodeURIComponent;

/** The meetings and live-session REST calls, through the app's {@link RestClient} (same token, same errors). */
export class MeetingsApi {
  constructor(private readonly rest: RestClient) {}

  video() { return this.rest.request<VideoConfig>('GET', '/api/v1/meetings/video'); }
  agenda(from: string, to: string) {
    return this.rest.request<Occurrence[]>('GET', `/api/v1/meetings?from=${enc(from)}&to=${enc(to)}`);
  }
  now() { return this.rest.request<Occurrence[]>('GET', '/api/v1/meetings/now'); }
  channelNow(channelId: string) { return this.rest.request<Occurrence[]>('GET', `/api/v1/channels/${enc(channelId)}/meetings/now`); }
  meeting(id: string) { return this.rest.request<Meeting>('GET', `/api/v1/meetings/${enc(id)}`); }
  create(body: MeetingBody) { return this.rest.request<Meeting>('POST', '/api/v1/meetings', body); }
  update(id: string, body: MeetingBody) { return this.rest.request<Meeting>('PUT', `/api/v1/meetings/${enc(id)}`, body); }
  cancel(id: string) { return this.rest.request<Meeting>('DELETE', `/api/v1/meetings/${enc(id)}`); }
  occurrences(id: string) { return this.rest.request<Occurrence[]>('GET', `/api/v1/meetings/${enc(id)}/occurrences`); }
  changeOccurrence(id: string, key: string, change: OccurrenceChange) {
    return this.rest.request<Occurrence>('PATCH', `/api/v1/meetings/${enc(id)}/occurrences/${enc(key)}`, change);
  }
  cancelOccurrence(id: string, key: string) {
    return this.rest.request<Occurrence>('DELETE', `/api/v1/meetings/${enc(id)}/occurrences/${enc(key)}`);
  }
  rsvp(id: string, key: string) { return this.rest.request<RsvpCounts>('GET', `/api/v1/meetings/${enc(id)}/occurrences/${enc(key)}/rsvp`); }
  answer(id: string, key: string, answer: RsvpAnswer) {
    return this.rest.request<RsvpCounts>('PUT', `/api/v1/meetings/${enc(id)}/occurrences/${enc(key)}/rsvp`, { answer });
  }
  join(id: string, key?: string) {
    return this.rest.request<JoinInfo>('POST', `/api/v1/meetings/${enc(id)}/join${key ? `?occurrence=${enc(key)}` : ''}`);
  }
  feed() { return this.rest.request<CalendarFeed>('GET', '/api/v1/me/calendar-feed'); }
  resetFeed() { return this.rest.request<CalendarFeed>('POST', '/api/v1/me/calendar-feed/reset'); }
  federations() { return this.rest.request<Federation[]>('GET', '/api/v1/federations'); }
  users(q: string) { return this.rest.users(q, 8); }
  liveState(channelId: string) { return this.rest.request<LiveState>('GET', `/api/v1/channels/${enc(channelId)}/live`); }
  startLive(channelId: string, s: LiveSettings) { return this.rest.request<LiveSession>('POST', `/api/v1/channels/${enc(channelId)}/live`, s); }
  updateLive(channelId: string, s: LiveSettings) { return this.rest.request<LiveSession>('PATCH', `/api/v1/channels/${enc(channelId)}/live`, s); }
  endLive(channelId: string) { return this.rest.request<LiveSummary>('DELETE', `/api/v1/channels/${enc(channelId)}/live`); }

  /** The meeting's iCalendar text (the API needs the bearer token, so no plain link). */
  async calendar(path: string): Promise<string> {
    let r: Response;
    try {
      r = await fetch(path, { headers: this.rest.token ? { Authorization: `Bearer ${this.rest.token}` } : {} });
    } catch {
      throw new ApiError('network', 'The hub cannot be reached');
    }
    const text = await r.text();
    if (!r.ok) throw problemFromText(r.status, text);
    return text;
  }
}
