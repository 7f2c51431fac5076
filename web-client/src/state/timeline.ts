import type { ChannelEvent, EventPage, Message } from '../api/types';
import { messageOf } from '../api/types';

/** What applying one event changed, for the caller to react (confirm a pending message, refresh a parent...). */
export interface Applied {
  event: ChannelEvent;
  message: Message;
  /** A new reply: the parent's reply count changed on the server (no event says so), refetch it. */
  replyTo?: string;
}

/**
 * One channel's messages as the user sees them, kept exactly in step with the hub.
 *
 * Every event carries the channel's `seq`; {@link lastSeq} is the last one applied. Live events are applied
 * in order; one that skips a seq means something may have been missed, so it is held back and
 * {@link onGap} asks for a catch-up. During a catch-up ({@link beginResync} … {@link endResync}) live
 * events are buffered and replayed afterwards, skipping those the catch-up already brought: no gap,
 * no duplicate. Messages are keyed by id, so a message delivered twice is still shown once.
 */
export class Timeline {
  private readonly byId = new Map<string, Message>();
  private readonly threads = new Map<string, Map<string, Message>>();
  private sorted: Message[] | null = null;
  private buffer: ChannelEvent[] | null = null;
  lastSeq = 0;
  oldestSeq = Number.POSITIVE_INFINITY;
  hasOlder = true;
  loaded = false;
  version = 0;
  onGap: () => void = () => {};

  constructor(readonly channelId: string) {}

  get syncing(): boolean {
    return this.buffer !== null;
  }

  messages(): Message[] {
    if (!this.sorted) this.sorted = [...this.byId.values()].sort((a, b) => a.seq - b.seq);
    return this.sorted;
  }

  get(id: string): Message | undefined {
    return this.byId.get(id);
  }

  replies(threadId: string): Message[] | undefined {
    const t = this.threads.get(threadId);
    return t && [...t.values()].sort((a, b) => a.seq - b.seq);
  }

  /** The newest page of top-level messages: the starting point; a catch-up should follow. */
  loadNewest(page: Message[], limit: number): void {
    for (const m of page) this.put(m);
    for (const m of page) this.lastSeq = Math.max(this.lastSeq, m.seq);
    this.hasOlder = page.length >= limit;
    this.loaded = true;
    this.changed();
  }

  loadOlder(page: Message[], limit: number): void {
    for (const m of page) this.put(m);
    this.hasOlder = page.length >= limit;
    this.changed();
  }

  loadThread(threadId: string, messages: Message[]): void {
    const replies = new Map<string, Message>();
    for (const m of messages) {
      if (m.id === threadId) this.upsertTopLevel(m, true);
      else replies.set(m.id, m);
    }
    this.threads.set(threadId, replies);
    this.changed();
  }

  /** A message read from the server by id (e.g. a parent whose reply count changed). */
  refresh(message: Message): void {
    if (message.threadId) {
      this.threads.get(message.threadId)?.set(message.id, message);
    } else if (this.byId.has(message.id)) {
      this.byId.set(message.id, message);
    }
    this.changed();
  }

  /** A live event from the channel's subscription. */
  onLive(event: ChannelEvent): Applied | null {
    if (this.buffer) {
      this.buffer.push(event);
      return null;
    }
    if (event.seq <= this.lastSeq) return null;
    if (this.loaded && event.seq > this.lastSeq + 1) {
      this.beginResync();
      this.buffer!.push(event);
      this.onGap();
      return null;
    }
    return this.apply(event);
  }

  beginResync(): void {
    if (!this.buffer) this.buffer = [];
  }

  /** Events of a catch-up page, in seq order. */
  applyCatchUp(events: ChannelEvent[]): Applied[] {
    const out: Applied[] = [];
    for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
      if (e.seq <= this.lastSeq) continue;
      out.push(this.apply(e));
    }
    return out;
  }

  /**
   * Ends a catch-up. When it succeeded, buffered live events newer than the catch-up are applied;
   * when it failed, they are dropped (the next catch-up from {@link lastSeq} brings them again).
   */
  endResync(succeeded: boolean): Applied[] {
    const buffered = this.buffer ?? [];
    this.buffer = null;
    if (!succeeded) return [];
    return this.applyCatchUp(buffered);
  }

  /** Forgets everything (used when too much was missed to catch up event by event). */
  reset(): void {
    this.byId.clear();
    this.threads.clear();
    this.lastSeq = 0;
    this.oldestSeq = Number.POSITIVE_INFINITY;
    this.hasOlder = true;
    this.loaded = false;
    this.changed();
  }

  private apply(event: ChannelEvent): Applied {
    this.lastSeq = Math.max(this.lastSeq, event.seq);
    const message = messageOf(event);
    const applied: Applied = { event, message };
    if (message.threadId) {
      const thread = this.threads.get(message.threadId);
      if (thread) thread.set(message.id, message);
      if (event.type === 'message.created' && this.byId.has(message.threadId)) applied.replyTo = message.threadId;
    } else {
      this.upsertTopLevel(message, event.type === 'message.created');
    }
    this.changed();
    return applied;
  }

  private upsertTopLevel(message: Message, created: boolean): void {
    if (created || this.byId.has(message.id) || message.seq >= this.oldestSeq) this.put(message);
  }

  private put(message: Message): void {
    if (message.threadId) return;
    this.byId.set(message.id, message);
    this.oldestSeq = Math.min(this.oldestSeq, message.seq);
  }

  private changed(): void {
    this.sorted = null;
    this.version++;
  }
}

/**
 * Brings a timeline up to date: replays every event after its {@link Timeline.lastSeq}, page by page.
 * Call it once the channel's subscription is confirmed (SUBSCRIBE receipt), so nothing published
 * later can be missed. Returns what was applied (catch-up and buffered live events).
 */
export async function catchUp(
  timeline: Timeline,
  fetchEvents: (afterSeq: number) => Promise<EventPage>,
  maxPages = 25,
): Promise<Applied[] | 'too-far-behind'> {
  timeline.beginResync();
  const applied: Applied[] = [];
  let ok = false;
  try {
    for (let pages = 0; ; pages++) {
      if (pages >= maxPages) return 'too-far-behind';
      const page = await fetchEvents(timeline.lastSeq);
      applied.push(...timeline.applyCatchUp(page.events));
      if (!page.hasMore) break;
    }
    ok = true;
  } finally {
    applied.push(...timeline.endResync(ok));
  }
  return applied;
}
