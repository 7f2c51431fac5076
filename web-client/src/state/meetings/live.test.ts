import { describe, expect, it } from 'vitest';
import type { LiveSession } from '../../api/meetings';
import { ChannelLive, NowLive } from './live';
import { T0, alice, at, occ } from './fixtures';

const session = (over: Partial<LiveSession> = {}): LiveSession => ({
  channelId: 'fed-29', title: 'Débat en direct', link: 'https://video.example.org/debat', slowModeSeconds: 30,
  startedBy: alice, startedAt: at(0), startSeq: 12, bannerMessageId: 'b1', reactions: { '👏': 3 }, reactors: 2, ...over,
});

describe('NowLive', () => {
  it('keeps my meetings and a channel’s in progress from loads and started/ended events', () => {
    const now = new NowLive();
    now.loadMine([occ('m1', -10), occ('m2', -5, { channelId: null, cancelled: true })]);
    expect(now.all().map((m) => m.meetingId)).toEqual(['m1']);
    // A meeting announced in #visuels I am not invited to, seen through the channel.
    now.loadChannel('visuels', [occ('m3', -20, { channelId: 'visuels' })]);
    expect(now.inChannel('visuels').map((m) => m.meetingId)).toEqual(['m3']);
    expect(now.inChannel('fed-29').map((m) => m.meetingId)).toEqual(['m1']);
    // Reloading mine does not forget what a channel said.
    now.loadMine([]);
    expect(now.all().map((m) => m.meetingId)).toEqual(['m3']);
    now.apply({ type: 'meeting.started', meetingId: 'm4', occurrenceKey: 'k1', title: 'AG', startsAt: at(0), endsAt: at(60), channelId: 'fed-29' });
    expect(now.inChannel('fed-29').map((m) => m.title)).toEqual(['AG']);
    expect(now.isLive('m4')).toBe(true);
    expect(now.apply({ type: 'meeting.ended', meetingId: 'm3', occurrenceKey: 'k-20', title: '', startsAt: at(-20), endsAt: at(40) }, 'visuels')).toBe(true);
    expect(now.inChannel('visuels')).toEqual([]);
    // An ended event missed while offline: expiry drops it.
    expect(now.expire(T0 + 61 * 60_000)).toBe(true);
    expect(now.all()).toEqual([]);
  });
});

describe('ChannelLive', () => {
  it('loads the state, follows started/updated/reactions/ended, and keeps the totals growing', () => {
    const cl = new ChannelLive('fed-29');
    expect(cl.topic).toBe('/topic/live.fed-29');
    cl.load({ live: true, session: session(), canModerate: false });
    expect(cl.live).toBe(true);
    expect(cl.slowModeFor).toBe(30);
    expect(cl.reactionList()).toEqual([{ emoji: '👏', count: 3 }]);
    expect(cl.apply({ type: 'live.reactions', channelId: 'fed-29', counts: { '👏': 2, '🔥': 1 }, totals: { '👏': 5, '🔥': 1 }, reactors: 3, at: at(1) })).toBe(true);
    expect(cl.reactionList()).toEqual([{ emoji: '👏', count: 5 }, { emoji: '🔥', count: 1 }]);
    // An older count arriving late changes nothing; another channel's frame is ignored.
    expect(cl.apply({ type: 'live.reactions', channelId: 'fed-29', counts: {}, totals: { '👏': 4 }, reactors: 3, at: at(0.5) })).toBe(false);
    expect(cl.apply({ type: 'live.reactions', channelId: 'visuels', counts: {}, totals: { '👏': 99 }, reactors: 9, at: at(2) })).toBe(false);
    expect(cl.totals['👏']).toBe(5);
    // Slow mode lifted by a moderator: the session's older reaction counts do not go back.
    cl.apply({ type: 'live.updated', session: session({ slowModeSeconds: 0, reactions: { '👏': 4 } }) });
    expect(cl.slowModeFor).toBe(0);
    expect(cl.totals['👏']).toBe(5);
    cl.apply({ type: 'live.ended', summary: { channelId: 'fed-29', title: 'Débat en direct', startedAt: at(0), endedAt: at(30), durationSeconds: 1800, messages: 12, participants: 4, reactionTotal: 7, reactions: { '👏': 6, '🔥': 1 }, reactors: 3 } });
    expect(cl.live).toBe(false);
    expect(cl.summary?.messages).toBe(12);
    // A new session starts from zero and drops the old summary.
    cl.apply({ type: 'live.started', session: session({ startedAt: at(60), reactions: {}, reactors: 0 }) });
    expect(cl.summary).toBeNull();
    expect(cl.reactionList()).toEqual([]);
  });

  it('exempts moderators from slow mode', () => {
    const cl = new ChannelLive('fed-29');
    cl.load({ live: true, session: session(), canModerate: true });
    expect(cl.slowModeFor).toBe(0);
    cl.load({ live: false, canModerate: true });
    expect(cl.live).toBe(false);
  });
});
