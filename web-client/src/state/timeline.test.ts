import { describe, expect, it } from 'vitest';
import type { EventPage } from '../api/types';
import { catchUp, Timeline } from './timeline';
import { bruno, created, message, updated } from './fixtures';

function texts(t: Timeline): string[] {
  return t.messages().map((m) => m.text);
}

describe('Timeline', () => {
  it('shows a message delivered twice (live and by catch-up) once', () => {
    const t = new Timeline('fed-29');
    t.loadNewest([message(1), message(2)], 50);
    t.onLive(created(3));
    t.beginResync();
    t.applyCatchUp([created(3), created(4)]);
    t.endResync(true);
    expect(texts(t)).toEqual(['message 1', 'message 2', 'message 3', 'message 4']);
    expect(t.lastSeq).toBe(4);
  });

  it('buffers live events during a catch-up and applies only those the catch-up did not bring', () => {
    const t = new Timeline('fed-29');
    t.loadNewest([message(1)], 50);
    t.beginResync();
    expect(t.onLive(created(3))).toBeNull(); // arrives while the catch-up is running
    expect(t.onLive(created(4))).toBeNull();
    t.applyCatchUp([created(2), created(3)]);
    const applied = t.endResync(true);
    expect(applied.map((a) => a.event.seq)).toEqual([4]);
    expect(texts(t)).toEqual(['message 1', 'message 2', 'message 3', 'message 4']);
  });

  it('holds back a live event that skips a seq and asks for a catch-up', () => {
    const t = new Timeline('fed-29');
    let gaps = 0;
    t.onGap = () => gaps++;
    t.loadNewest([message(1)], 50);
    expect(t.onLive(created(3))).toBeNull();
    expect(gaps).toBe(1);
    expect(texts(t)).toEqual(['message 1']);
    t.applyCatchUp([created(2), created(3)]);
    t.endResync(true);
    expect(texts(t)).toEqual(['message 1', 'message 2', 'message 3']);
  });

  it('drops buffered events when the catch-up failed, so the next one starts from the same seq', () => {
    const t = new Timeline('fed-29');
    t.loadNewest([message(1)], 50);
    t.beginResync();
    t.onLive(created(5));
    expect(t.endResync(false)).toEqual([]);
    expect(t.lastSeq).toBe(1);
  });

  it('applies edits, deletions and reactions to loaded messages', () => {
    const t = new Timeline('fed-29');
    const m = message(1);
    t.loadNewest([m], 50);
    t.onLive(updated(2, m, { text: 'corrigé', editedAt: '2026-03-03T10:05:00Z' }));
    t.onLive(updated(3, m, { text: 'corrigé', reactions: { '👍': [bruno.id] } }, 'reaction.changed'));
    expect(t.get('m1')?.text).toBe('corrigé');
    expect(t.get('m1')?.reactions['👍']).toEqual([bruno.id]);
    t.onLive(updated(4, m, { text: '', deleted: true }, 'message.deleted'));
    expect(t.get('m1')?.deleted).toBe(true);
    expect(t.messages()).toHaveLength(1);
  });

  it('keeps replies out of the channel list and reports the parent to refresh', () => {
    const t = new Timeline('fed-29');
    t.loadNewest([message(1)], 50);
    t.loadThread('m1', [message(1)]);
    const applied = t.onLive(created(2, { threadId: 'm1', author: bruno }));
    expect(applied?.replyTo).toBe('m1');
    expect(texts(t)).toEqual(['message 1']);
    expect(t.replies('m1')?.map((m) => m.id)).toEqual(['m2']);
  });

  it('pages back through history in order', () => {
    const t = new Timeline('fed-29');
    t.loadNewest([message(51), message(52)], 2);
    expect(t.hasOlder).toBe(true);
    t.loadOlder([message(49), message(50)], 2);
    t.loadOlder([message(48)], 2);
    expect(t.messages().map((m) => m.seq)).toEqual([48, 49, 50, 51, 52]);
    expect(t.hasOlder).toBe(false);
  });
});

describe('catchUp', () => {
  it('fetches every page after the last seq, then the live events that came meanwhile', async () => {
    const t = new Timeline('fed-29');
    t.loadNewest([message(1)], 50);
    const asked: number[] = [];
    const pages: Record<number, EventPage> = {
      1: { events: [created(2), created(3)], lastSeq: 3, hasMore: true },
      3: { events: [created(4)], lastSeq: 4, hasMore: false },
    };
    const result = await catchUp(t, async (after) => {
      asked.push(after);
      if (after === 1) t.onLive(created(5)); // a live event during the catch-up
      if (after === 3) t.onLive(created(4)); // one the catch-up also brings
      return pages[after];
    });
    expect(asked).toEqual([1, 3]);
    expect(result).not.toBe('too-far-behind');
    expect(t.messages().map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(t.syncing).toBe(false);
  });

  it('leaves the timeline consistent when the hub cannot be reached', async () => {
    const t = new Timeline('fed-29');
    t.loadNewest([message(1)], 50);
    await expect(catchUp(t, async () => { throw new Error('offline'); })).rejects.toThrow('offline');
    expect(t.syncing).toBe(false);
    expect(t.lastSeq).toBe(1);
  });

  it('gives up after too many pages so the caller reloads the newest page instead', async () => {
    const t = new Timeline('fed-29');
    t.loadNewest([message(1)], 50);
    let seq = 1;
    const result = await catchUp(t, async () => {
      seq++;
      return { events: [created(seq)], lastSeq: seq, hasMore: true };
    }, 3);
    expect(result).toBe('too-far-behind');
  });
});
