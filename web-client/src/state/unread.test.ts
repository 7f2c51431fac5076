import { describe, expect, it } from 'vitest';
import type { ChannelSummary } from '../api/types';
import { UnreadCounter } from './unread';
import { alice, bruno, created } from './fixtures';

function summary(over: Partial<ChannelSummary> = {}): ChannelSummary {
  return { id: 'fed-29', kind: 'FEDERATION', name: 'Finistère', topic: '', readOnly: false, memberIds: [],
    lastSeq: 10, lastReadSeq: 8, unreadCount: 2, mentionCount: 0, ...over };
}

describe('UnreadCounter', () => {
  it('starts from the hub counts and adds messages by others', () => {
    const u = new UnreadCounter(alice.id);
    u.load([summary()]);
    u.onEvent(created(11, { author: bruno }), false);
    expect(u.get('fed-29').unread).toBe(3);
  });

  it('does not count an event the hub counts already included (reconnect)', () => {
    const u = new UnreadCounter(alice.id);
    u.load([summary()]);
    u.onEvent(created(10, { author: bruno }), false);
    u.onEvent(created(11, { author: bruno }), false);
    u.onEvent(created(11, { author: bruno }), false);
    expect(u.get('fed-29').unread).toBe(3);
  });

  it('ignores own messages, thread replies for unread, and counts mentions of me or @channel', () => {
    const u = new UnreadCounter(alice.id);
    u.load([summary({ unreadCount: 0 })]);
    u.onEvent(created(11, { author: alice }), false);
    u.onEvent(created(12, { author: bruno, threadId: 'm1', mentions: [alice.id] }), false);
    u.onEvent(created(13, { author: bruno, mentionsChannel: true }), false);
    expect(u.get('fed-29')).toMatchObject({ unread: 1, mentions: 2 });
  });

  it('counts nothing in the channel being read, and clears on markRead', () => {
    const u = new UnreadCounter(alice.id);
    u.load([summary()]);
    u.onEvent(created(11, { author: bruno }), true);
    expect(u.get('fed-29').unread).toBe(2);
    expect(u.markRead('fed-29', 11)).toBe(true);
    expect(u.get('fed-29')).toMatchObject({ unread: 0, mentions: 0, lastReadSeq: 11 });
    expect(u.markRead('fed-29', 11)).toBe(false);
  });
});
