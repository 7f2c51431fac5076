import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors';
import type { LiveState, Occurrence, RsvpCounts } from '../../api/meetings';
import { en } from '../../i18n/en';
import { fr } from '../../i18n/fr';
import { meetingsEn } from '../../i18n/meetings.en';
import { meetingsFr } from '../../i18n/meetings.fr';
import { routeFrame } from '../router';
import { T0, at, coordinator, meeting, member, occ } from './fixtures';
import { MeetingsModel, type MeetingsLive, type MeetingsPort } from './model';

function fakeApi(over: Partial<MeetingsPort> = {}): MeetingsPort {
  const counts: RsvpCounts = { yes: 1, no: 0, maybe: 0, mine: null };
  const notCalled = () => Promise.reject(new Error('not expected'));
  return {
    video: vi.fn(async () => ({ configured: true, domain: 'jitsi.example.test', deployment: 'self-hosted', externalApiUrl: 'https://jitsi.example.test/external_api.js' })),
    agenda: vi.fn(async () => [occ('m2', 1440), occ('m1', 60), occ('m3', 120, { cancelled: true })]),
    now: vi.fn(async () => [] as Occurrence[]),
    channelNow: vi.fn(async () => [] as Occurrence[]),
    meeting: vi.fn(async (id: string) => meeting(id)),
    create: notCalled, update: notCalled, cancel: notCalled,
    occurrences: vi.fn(async (id: string) => [occ(id, 60), occ(id, 60 + 7 * 1440)]),
    changeOccurrence: notCalled, cancelOccurrence: notCalled,
    rsvp: vi.fn(async () => counts),
    answer: vi.fn(async (_id: string, _key: string, a: string) => ({ ...counts, yes: a === 'yes' ? 2 : 1, mine: a.toUpperCase() })),
    join: notCalled,
    feed: vi.fn(async () => ({ url: 'http://hub/calendar/s3cret.ics', path: '/calendar/s3cret.ics' })),
    resetFeed: vi.fn(async () => ({ url: 'http://hub/calendar/n3w.ics', path: '/calendar/n3w.ics' })),
    federations: vi.fn(async () => [{ code: '29', name: 'Finistère' }]),
    liveState: vi.fn(async (): Promise<LiveState> => ({ live: false, canModerate: false })),
    startLive: notCalled, updateLive: notCalled, endLive: notCalled, calendar: notCalled,
    ...over,
  };
}

function fakeLive(): MeetingsLive & { subscribed: string[]; sent: [string, unknown][] } {
  const subscribed: string[] = [];
  const sent: [string, unknown][] = [];
  return {
    connected: true, subscribed, sent,
    subscribe: vi.fn(async (d: string) => { subscribed.push(d); }),
    unsubscribe: vi.fn((d: string) => { const i = subscribed.indexOf(d); if (i >= 0) subscribed.splice(i, 1); }),
    send: vi.fn(async (d: string, b: unknown) => { sent.push([d, b]); }),
  };
}

describe('MeetingsModel', () => {
  it('lists my occurrences in order with their answers, and answers optimistically', async () => {
    const api = fakeApi();
    const m = new MeetingsModel(api, fakeLive(), coordinator, () => T0);
    await m.enter({ kind: 'list' });
    expect(m.agenda.map((o) => o.meetingId)).toEqual(['m1', 'm3', 'm2']);
    expect(api.rsvp).toHaveBeenCalledTimes(2); // not for the cancelled one
    expect(m.feed?.url).toBe('http://hub/calendar/s3cret.ics');
    const first = m.agenda[0]!;
    const pending = m.answer(first, 'yes');
    expect(m.rsvpOf(first)).toEqual({ yes: 2, no: 0, maybe: 0, mine: 'yes' });
    await pending;
    expect(m.rsvpOf(first)?.mine).toBe('YES');
    await m.resetFeed();
    expect(m.feed?.path).toBe('/calendar/n3w.ics');
  });

  it('keeps an answer given while the meeting page reloads, when the reload was read before it', async () => {
    let release = () => {};
    let reads = 0;
    const api = fakeApi({
      meeting: vi.fn(async (id: string) => {
        if (++reads === 2) await new Promise<void>((r) => { release = r; }); // the reconnection's read answers late
        return meeting(id); // read before the answer: mine is null
      }),
    });
    const m = new MeetingsModel(api, fakeLive(), member, () => T0);
    await m.enter({ kind: 'meeting', id: 'm1' });
    const o = m.selected!;
    const reconnected = m.onConnected();
    await vi.waitFor(() => expect(reads).toBe(2));
    await m.answer(o, 'yes');
    release();
    await reconnected;
    expect(m.rsvpOf(o)?.mine).toBe('YES');
  });

  it('puts the counts back when the hub refuses an answer', async () => {
    const api = fakeApi({ answer: vi.fn(async () => { throw new ApiError('not_invited', 'You are not invited', 403); }) });
    const m = new MeetingsModel(api, fakeLive(), coordinator, () => T0);
    await m.enter({ kind: 'list' });
    const first = m.agenda[0]!;
    await m.answer(first, 'no');
    expect(m.rsvpOf(first)).toEqual({ yes: 1, no: 0, maybe: 0, mine: null });
    expect(m.notice?.key).toBe('meetings.error.not_invited');
  });

  it('opens a meeting page on its next occurrence and joins its room with a fresh token each time', async () => {
    const info = { domain: 'jitsi.example.test', deployment: 'self-hosted', roomName: 'relais-m1-k60', room: 'relais-m1-k60', jwt: 'a.b.c',
      expiresAt: at(75), moderator: false, displayName: 'Bruno Kerjean', externalApiUrl: 'https://jitsi.example.test/external_api.js',
      joinUrl: 'https://jitsi.example.test/relais-m1-k60?jwt=a.b.c', occurrence: occ('m1', 60) };
    const join = vi.fn(async () => info);
    const m = new MeetingsModel(fakeApi({ join }), fakeLive(), member, () => T0);
    await m.enter({ kind: 'meeting', id: 'm1' });
    expect(m.meeting?.id).toBe('m1');
    expect(m.selected?.key).toBe('k60');
    expect(m.rsvpOf({ meetingId: 'm1', key: 'k60' })).toEqual({ yes: 2, no: 0, maybe: 1, mine: null });
    await m.joinRoom();
    expect(join).toHaveBeenCalledWith('m1', 'k60');
    expect(m.join).toEqual({ state: 'joined', info });
    m.leaveRoom();
    await m.joinRoom();
    expect(join).toHaveBeenCalledTimes(2);
    m.roomFailed();
    expect(m.join).toMatchObject({ state: 'failed', code: 'room_unavailable', info });
  });

  it('says clearly when the hub has no video, and keeps the page', async () => {
    const join = vi.fn(async () => { throw new ApiError('jitsi_not_configured', 'No Jitsi', 503); });
    const m = new MeetingsModel(fakeApi({ join, video: vi.fn(async () => ({ configured: true })) }), fakeLive(), member, () => T0);
    await m.enter({ kind: 'meeting', id: 'm1' });
    await m.joinRoom();
    expect(m.join).toMatchObject({ state: 'failed', code: 'jitsi_not_configured' });
    expect(m.video?.configured).toBe(false);
    expect(m.meeting?.id).toBe('m1');
  });

  it('follows a channel’s live state: subscribes first, loads, applies events, reacts over STOMP', async () => {
    const live = fakeLive();
    const calls: string[] = [];
    live.subscribe = vi.fn(async (d: string) => { calls.push(`subscribe ${d}`); live.subscribed.push(d); });
    const api = fakeApi({
      liveState: vi.fn(async () => { calls.push('live'); return { live: false, canModerate: true }; }),
      channelNow: vi.fn(async () => { calls.push('now'); return [occ('m9', -10, { channelId: 'fed-29', live: true })]; }),
    });
    const m = new MeetingsModel(api, live, coordinator, () => T0);
    await m.watchChannel('fed-29');
    expect(calls[0]).toBe('subscribe /topic/live.fed-29');
    expect(m.isChannelLive('fed-29')).toBe(true);
    expect(m.isChannelLive('visuels')).toBe(false);
    const frame = (destination: string, body: object) => routeFrame(destination, JSON.stringify(body), {
      channelEvent: () => {}, typing: () => {}, notification: () => {}, error: () => {}, presence: () => {},
      meetings: (e, d) => m.onFrame(e, d),
    });
    expect(frame('/topic/live.fed-29', { type: 'meeting.ended', meetingId: 'm9', occurrenceKey: 'k-10', title: 'x', startsAt: at(-10), endsAt: at(50), channelId: 'fed-29' })).toBe(true);
    expect(m.isChannelLive('fed-29')).toBe(false);
    const session = { channelId: 'fed-29', title: 'Débat', link: null, slowModeSeconds: 20, startedBy: coordinator, startedAt: at(0), startSeq: 3, reactions: {}, reactors: 0 };
    expect(frame('/topic/live.fed-29', { type: 'live.started', session })).toBe(true);
    expect(m.channelLive?.live).toBe(true);
    expect(m.isChannelLive('fed-29')).toBe(true);
    await m.react('👏');
    expect(live.sent).toEqual([['/app/live.fed-29.react', { emoji: '👏' }]]);
    frame('/topic/live.fed-29', { type: 'live.ended', summary: { channelId: 'fed-29', title: 'Débat', startedAt: at(0), endedAt: at(20), durationSeconds: 1200, messages: 5, participants: 2, reactionTotal: 1, reactions: { '👏': 1 }, reactors: 1 } });
    expect(m.liveSummaryShown).toBe(true);
    // Switching channels unsubscribes the old topic.
    await m.watchChannel('visuels');
    expect(live.subscribed).toEqual(['/topic/live.visuels']);
  });

  it('updates the sidebar from meeting.started / meeting.ended on the personal queue, and reloads after a reconnect', async () => {
    const now = vi.fn(async () => [] as Occurrence[]);
    const m = new MeetingsModel(fakeApi({ now }), fakeLive(), member, () => T0);
    await m.start();
    const handlers = { channelEvent: () => {}, typing: () => {}, notification: () => {}, error: () => {}, presence: () => {}, meetings: (e: never, d: string) => m.onFrame(e, d) };
    routeFrame('/user/queue/events', JSON.stringify({ type: 'meeting.started', meetingId: 'm1', occurrenceKey: 'k0', title: 'Point', startsAt: at(0), endsAt: at(60), channelId: 'fed-29' }), handlers);
    expect(m.isChannelLive('fed-29')).toBe(true);
    routeFrame('/user/queue/events', JSON.stringify({ type: 'meeting.reminder', meetingId: 'm1', occurrenceKey: 'k1', title: 'Point', startsAt: at(60), endsAt: at(120), timeZone: 'Europe/Paris', minutesBefore: 15 }), handlers);
    expect(m.notice).toEqual({ key: 'meetings.reminder', params: { title: 'Point', minutes: 15 } });
    // A mention is not a meeting event.
    expect(routeFrame('/user/queue/events', JSON.stringify({ type: 'mention', channelId: 'fed-29' }), { ...handlers, notification: () => {} })).toBe(true);
    await m.onConnected();
    expect(now).toHaveBeenCalledTimes(2);
    expect(m.isChannelLive('fed-29')).toBe(false); // the reload says nothing is live any more
  });
});

describe('meetings catalogues', () => {
  it('has the same keys in French and English, none clashing with the base catalogue', () => {
    expect(Object.keys(meetingsEn).sort()).toEqual(Object.keys(meetingsFr).sort());
    const base = new Set([...Object.keys(fr), ...Object.keys(en)]);
    expect(Object.keys(meetingsFr).filter((k) => base.has(k))).toEqual([]);
  });
});
