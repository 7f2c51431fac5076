import type { LiveFrame, LiveSession, LiveState, LiveSummary, MeetingLiveEvent, Occurrence } from '../../api/meetings';

/** A meeting occurrence in progress, from GET …/meetings/now or a `meeting.started` event. */
export interface LiveMeeting {
  meetingId: string;
  key: string;
  title: string;
  start: string;
  end: string;
  channelId: string | null;
}

export function liveMeetingOf(o: Occurrence): LiveMeeting {
  return { meetingId: o.meetingId, key: o.key, title: o.title, start: o.start, end: o.end, channelId: o.channelId ?? null };
}

function fromEvent(e: MeetingLiveEvent): LiveMeeting {
  return { meetingId: e.meetingId, key: e.occurrenceKey, title: e.title, start: e.startsAt, end: e.endsAt, channelId: e.channelId ?? null };
}

const idOf = (m: { meetingId: string; key: string }) => `${m.meetingId}/${m.key}`;

/**
 * Meetings in progress ("now live"): the caller's, loaded from `GET /meetings/now` and kept by
 * `meeting.started` / `meeting.ended` on the personal queue; and a channel's, loaded from
 * `GET /channels/{id}/meetings/now` and kept by the same events on `/topic/live.<id>`. A reload replaces
 * what it covers; "ended" removes the occurrence wherever it was.
 */
export class NowLive {
  private mine = new Map<string, LiveMeeting>();
  private readonly channels = new Map<string, Map<string, LiveMeeting>>();

  loadMine(list: readonly Occurrence[]): void {
    this.mine = new Map(list.filter((o) => !o.cancelled).map((o) => [idOf(o), liveMeetingOf(o)]));
  }

  loadChannel(channelId: string, list: readonly Occurrence[]): void {
    this.channels.set(channelId, new Map(list.filter((o) => !o.cancelled).map((o) => [idOf(o), { ...liveMeetingOf(o), channelId }])));
  }

  /** An event of the personal queue (`channelId` absent) or of `/topic/live.<channelId>`. */
  apply(e: MeetingLiveEvent, channelId?: string): boolean {
    const m = fromEvent(e);
    if (e.type === 'meeting.started') {
      if (channelId) {
        const map = this.channels.get(channelId) ?? new Map<string, LiveMeeting>();
        map.set(idOf(m), { ...m, channelId });
        this.channels.set(channelId, map);
      } else {
        this.mine.set(idOf(m), m);
      }
      return true;
    }
    let removed = this.mine.delete(idOf(m));
    for (const map of this.channels.values()) removed = map.delete(idOf(m)) || removed;
    return removed;
  }

  /** Drops what has ended by `now` (an `ended` event missed while offline). */
  expire(now: number): boolean {
    let changed = false;
    for (const map of [this.mine, ...this.channels.values()]) {
      for (const [id, m] of map) if (Date.parse(m.end) <= now) changed = map.delete(id) || changed;
    }
    return changed;
  }

  all(): LiveMeeting[] {
    const byId = new Map<string, LiveMeeting>();
    for (const map of [...this.channels.values(), this.mine]) for (const [id, m] of map) byId.set(id, m);
    return [...byId.values()].sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.title.localeCompare(b.title));
  }

  inChannel(channelId: string): LiveMeeting[] {
    return this.all().filter((m) => m.channelId === channelId);
  }

  isLive(meetingId: string): boolean {
    return this.all().some((m) => m.meetingId === meetingId);
  }
}

/**
 * One channel's live session as the channel view shows it: the banner (title, link), slow mode, the
 * reaction counters (totals since the start) and, once ended, the summary.
 */
export class ChannelLive {
  session: LiveSession | null = null;
  canModerate = false;
  totals: Record<string, number> = {};
  reactors = 0;
  summary: LiveSummary | null = null;
  loaded = false;
  private lastReactionsAt = '';

  constructor(readonly channelId: string) {}

  get live(): boolean {
    return !!this.session;
  }

  get topic(): string {
    return `/topic/live.${this.channelId}`;
  }

  /** The answer of GET /channels/{id}/live (after the subscription's receipt). */
  load(state: LiveState): void {
    this.canModerate = state.canModerate;
    this.loaded = true;
    if (state.live && state.session) this.setSession(state.session);
    else this.session = null;
  }

  /** Applies a frame of /topic/live.<channelId>; false when it is not about this channel's session. */
  apply(e: LiveFrame): boolean {
    switch (e.type) {
      case 'live.started':
      case 'live.updated':
        if (e.session.channelId !== this.channelId) return false;
        if (e.type === 'live.started') this.summary = null;
        this.setSession(e.session);
        return true;
      case 'live.reactions':
        if (e.channelId !== this.channelId || !this.session) return false;
        if (e.at && this.lastReactionsAt && e.at < this.lastReactionsAt) return false; // an older count arriving late
        this.lastReactionsAt = e.at ?? '';
        this.totals = { ...this.totals, ...e.totals };
        this.reactors = Math.max(this.reactors, e.reactors);
        return true;
      case 'live.ended':
        if (e.summary.channelId !== this.channelId) return false;
        this.session = null;
        this.summary = e.summary;
        this.totals = { ...e.summary.reactions };
        this.reactors = e.summary.reactors;
        return true;
      default:
        return false;
    }
  }

  /** The slow-mode delay that applies to the viewer (moderators are exempt), 0 without slow mode. */
  get slowModeFor(): number {
    return this.session && !this.canModerate ? this.session.slowModeSeconds : 0;
  }

  /** Reactions by count, most first (ties in a stable order). */
  reactionList(): { emoji: string; count: number }[] {
    return Object.entries(this.totals).filter(([, n]) => n > 0).map(([emoji, count]) => ({ emoji, count }))
      .sort((a, b) => b.count - a.count || a.emoji.localeCompare(b.emoji));
  }

  private setSession(s: LiveSession): void {
    const sameSession = this.session?.startedAt === s.startedAt;
    this.session = s;
    // The session's own counts are totals too; keep a newer live count rather than going back.
    const merged: Record<string, number> = sameSession ? { ...this.totals } : {};
    for (const [emoji, n] of Object.entries(s.reactions ?? {})) merged[emoji] = Math.max(merged[emoji] ?? 0, n);
    this.totals = merged;
    this.reactors = sameSession ? Math.max(this.reactors, s.reactors) : s.reactors;
    if (!sameSession) this.lastReactionsAt = '';
  }
}

export const LIVE_REACTIONS = ['👏', '👍', '❤️', '🔥', '😂', '😮'];
