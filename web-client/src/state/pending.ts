import { ApiError } from '../api/errors';
import type { Attachment } from '../api/types';

export interface Outgoing {
  clientMessageId: string;
  channelId: string;
  text: string;
  threadId?: string;
  attachments: Attachment[];
  createdAt: string;
  state: 'queued' | 'sending' | 'failed';
  error?: { code: string; message: string };
}

/** Where the queue survives a page reload (localStorage in the browser, a Map in tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Sends one message and resolves on the hub's receipt (it is then durably stored). */
export type Sender = (message: Outgoing) => Promise<void>;

/**
 * Messages the user wrote that the hub has not confirmed yet, in the order written. Each keeps its
 * `clientMessageId` for life, so sending it again after a lost receipt never creates a second message
 * (the hub deduplicates). A message leaves the queue on its receipt, or when its `message.created`
 * event is seen (live or during catch-up) — whichever comes first. Transient failures (disconnected,
 * overloaded) leave it queued for the next flush; refusals (too long, forbidden) mark it failed so the
 * user can edit or discard it.
 */
export class PendingQueue {
  private items: Outgoing[] = [];
  private flushing: Promise<void> | null = null;
  onChange: () => void = () => {};
  /** A post the hub routed to a bot as a slash command (`command_routed`): sent, not failed. */
  onRouted: (message: string) => void = () => {};

  constructor(private readonly store?: KeyValueStore, private readonly key = 'relais.pending') {
    const saved = store?.getItem(key);
    if (saved) {
      try {
        this.items = (JSON.parse(saved) as Outgoing[]).map((o) => ({ ...o, state: o.state === 'failed' ? 'failed' : 'queued' }));
      } catch {
        this.items = [];
      }
    }
  }

  list(channelId?: string): Outgoing[] {
    return channelId ? this.items.filter((o) => o.channelId === channelId) : [...this.items];
  }

  enqueue(message: Omit<Outgoing, 'state' | 'createdAt'> & { createdAt?: string }): Outgoing {
    const item: Outgoing = { ...message, createdAt: message.createdAt ?? new Date().toISOString(), state: 'queued' };
    this.items.push(item);
    this.changed();
    return item;
  }

  /** The hub has this message (receipt or event): it is no longer pending. */
  confirm(clientMessageId: string): boolean {
    const before = this.items.length;
    this.items = this.items.filter((o) => o.clientMessageId !== clientMessageId);
    if (this.items.length !== before) this.changed();
    return this.items.length !== before;
  }

  discard(clientMessageId: string): void {
    this.confirm(clientMessageId);
  }

  retry(clientMessageId: string): void {
    const item = this.items.find((o) => o.clientMessageId === clientMessageId);
    if (item && item.state === 'failed') {
      item.state = 'queued';
      delete item.error;
      this.changed();
    }
  }

  /**
   * Sends queued messages one after the other, each awaiting its receipt; stops at the first transient
   * failure (the connection is gone: the next flush resumes there). Concurrent calls share one run.
   */
  flush(send: Sender): Promise<void> {
    if (!this.flushing) {
      this.flushing = this.run(send).finally(() => {
        this.flushing = null;
      });
    }
    return this.flushing;
  }

  private async run(send: Sender): Promise<void> {
    for (;;) {
      const next = this.items.find((o) => o.state === 'queued');
      if (!next) return;
      next.state = 'sending';
      this.changed();
      try {
        await send(next);
        this.confirm(next.clientMessageId);
      } catch (e) {
        const error = e instanceof ApiError ? e : new ApiError('network', String(e));
        if (!this.items.includes(next)) continue; // confirmed by its event meanwhile
        if (error.code === 'command_routed') {
          this.confirm(next.clientMessageId);
          this.onRouted(error.message);
          continue;
        }
        if (error.transient) {
          next.state = 'queued';
          this.changed();
          return;
        }
        next.state = 'failed';
        next.error = { code: error.code, message: error.message };
        this.changed();
      }
    }
  }

  private changed(): void {
    this.store?.setItem(this.key, JSON.stringify(this.items));
    this.onChange();
  }
}
