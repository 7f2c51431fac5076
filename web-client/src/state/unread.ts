import type { ChannelEvent, ChannelSummary } from '../api/types';

export interface Counts {
  lastSeq: number;
  lastReadSeq: number;
  unread: number;
  mentions: number;
}

/**
 * Unread and mention badges. Starts from the hub's counts (`GET /channels`) and follows live events;
 * an event at or below the seq those counts were computed at is already in them and is ignored, so a
 * reconnect (fresh counts + resubscription) never counts a message twice. Same rules as the hub:
 * unread = top-level messages by others; mentions = messages by others naming me or `@channel`.
 */
export class UnreadCounter {
  private readonly counts = new Map<string, Counts>();

  constructor(private readonly meId: string) {}

  load(summaries: ChannelSummary[]): void {
    this.counts.clear();
    for (const s of summaries) {
      this.counts.set(s.id, { lastSeq: s.lastSeq, lastReadSeq: s.lastReadSeq, unread: s.unreadCount, mentions: s.mentionCount });
    }
  }

  get(channelId: string): Counts {
    return this.counts.get(channelId) ?? { lastSeq: 0, lastReadSeq: 0, unread: 0, mentions: 0 };
  }

  /** @param reading the user is looking at this channel (then it is read at once, not counted) */
  onEvent(event: ChannelEvent, reading: boolean): void {
    const c = this.ensure(event.channelId);
    if (event.seq <= c.lastSeq) return;
    c.lastSeq = event.seq;
    if (event.type !== 'message.created' || event.deleted || event.author.id === this.meId) {
      if (event.author.id === this.meId && event.type === 'message.created') c.lastReadSeq = Math.max(c.lastReadSeq, event.seq);
      return;
    }
    if (reading) {
      c.lastReadSeq = event.seq;
      return;
    }
    if (!event.threadId) c.unread = Math.min(c.unread + 1, 100);
    if (event.mentions.includes(this.meId) || event.mentionsChannel) c.mentions = Math.min(c.mentions + 1, 100);
  }

  /** Everything up to `seq` is read; returns true when the hub should be told (the marker moved). */
  markRead(channelId: string, seq: number): boolean {
    const c = this.ensure(channelId);
    const moved = seq > c.lastReadSeq || c.unread > 0 || c.mentions > 0;
    c.lastReadSeq = Math.max(c.lastReadSeq, seq);
    c.lastSeq = Math.max(c.lastSeq, seq);
    c.unread = 0;
    c.mentions = 0;
    return moved;
  }

  totals(channelIds: Iterable<string>): { unread: number; mentions: number } {
    let unread = 0;
    let mentions = 0;
    for (const id of channelIds) {
      const c = this.get(id);
      unread += c.unread;
      mentions += c.mentions;
    }
    return { unread, mentions };
  }

  private ensure(channelId: string): Counts {
    let c = this.counts.get(channelId);
    if (!c) {
      c = { lastSeq: 0, lastReadSeq: 0, unread: 0, mentions: 0 };
      this.counts.set(channelId, c);
    }
    return c;
  }
}
