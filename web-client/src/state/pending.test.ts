import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { PendingQueue, type Outgoing } from './pending';

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

function draft(id: string) {
  return { clientMessageId: id, channelId: 'fed-29', text: `texte ${id}`, attachments: [] };
}

describe('PendingQueue', () => {
  it('sends in order, each once, and forgets each on its receipt', async () => {
    const q = new PendingQueue(memory());
    q.enqueue(draft('a'));
    q.enqueue(draft('b'));
    const sent: string[] = [];
    await q.flush(async (o) => { sent.push(o.clientMessageId); });
    expect(sent).toEqual(['a', 'b']);
    expect(q.list()).toEqual([]);
  });

  it('keeps messages queued while offline and sends them, with the same clientMessageId, once back', async () => {
    const q = new PendingQueue(memory());
    q.enqueue(draft('a'));
    q.enqueue(draft('b'));
    await q.flush(async () => { throw new ApiError('disconnected', 'lost'); });
    expect(q.list().map((o) => [o.clientMessageId, o.state])).toEqual([['a', 'queued'], ['b', 'queued']]);
    const sent: string[] = [];
    await q.flush(async (o) => { sent.push(o.clientMessageId); });
    expect(sent).toEqual(['a', 'b']);
  });

  it('does not resend a message whose event was seen although its receipt was lost', async () => {
    const q = new PendingQueue(memory());
    q.enqueue(draft('a'));
    q.enqueue(draft('b'));
    await q.flush(async () => { throw new ApiError('disconnected', 'lost'); });
    q.confirm('a'); // its message.created arrived during the catch-up
    const sent: string[] = [];
    await q.flush(async (o) => { sent.push(o.clientMessageId); });
    expect(sent).toEqual(['b']);
  });

  it('marks refused messages failed, goes on with the others, and retries on demand', async () => {
    const q = new PendingQueue(memory());
    q.enqueue(draft('a'));
    q.enqueue(draft('b'));
    await q.flush(async (o) => { if (o.clientMessageId === 'a') throw new ApiError('text_too_long', 'too long'); });
    expect(q.list().map((o) => [o.clientMessageId, o.state, o.error?.code])).toEqual([['a', 'failed', 'text_too_long']]);
    q.retry('a');
    await q.flush(async () => {});
    expect(q.list()).toEqual([]);
  });

  it('runs one flush at a time, so a message is never in flight twice', async () => {
    const q = new PendingQueue(memory());
    q.enqueue(draft('a'));
    let release!: () => void;
    const sent: Outgoing[] = [];
    const send = (o: Outgoing) => { sent.push(o); return new Promise<void>((r) => { release = r; }); };
    const first = q.flush(send);
    const second = q.flush(send);
    expect(second).toBe(first);
    release();
    await first;
    expect(sent).toHaveLength(1);
  });

  it('survives a page reload', () => {
    const store = memory();
    new PendingQueue(store).enqueue(draft('a'));
    const reloaded = new PendingQueue(store);
    expect(reloaded.list().map((o) => [o.clientMessageId, o.state])).toEqual([['a', 'queued']]);
  });
});
