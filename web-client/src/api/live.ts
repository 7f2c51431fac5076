import { Client, ReconnectionTimeMode, type StompSubscription } from '@stomp/stompjs';
import { ApiError } from './errors';
import type { ErrorEvent } from './types';

export type ConnectionState = 'connecting' | 'online' | 'offline';

/**
 * The STOMP connection: connects with the bearer token, reconnects on its own with exponential back-off
 * (1 s doubling to 30 s), and offers promise-based SUBSCRIBE and SEND that resolve on the hub's RECEIPT.
 * Subscriptions do not survive a reconnect: {@link onConnected} is where the caller subscribes again
 * and catches up.
 */
export class LiveConnection {
  state: ConnectionState = 'offline';
  onState: (state: ConnectionState) => void = () => {};
  onConnected: () => void = () => {};
  onFrame: (destination: string, body: string) => void = () => {};
  onAuthFailed: () => void = () => {};

  private client: Client | null = null;
  private readonly subscriptions = new Map<string, StompSubscription>();
  private readonly waiting = new Map<string, { resolve: () => void; reject: (e: ApiError) => void }>();
  private counter = 0;

  constructor(private readonly url: string) {}

  connect(token: string): void {
    this.disconnect();
    const client = new Client({
      brokerURL: this.url,
      connectHeaders: { Authorization: `Bearer ${token}` },
      reconnectDelay: 1000,
      maxReconnectDelay: 30000,
      reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL,
      heartbeatIncoming: 20000,
      heartbeatOutgoing: 20000,
    });
    client.onConnect = () => {
      this.subscriptions.clear();
      this.setState('online');
      this.onConnected();
    };
    client.onStompError = (frame) => {
      // A revoked session or a deactivated account ends the connection for good: back to the login form.
      const code = frame.headers.code ?? frame.headers.message ?? '';
      if (['unauthenticated', 'session_revoked'].some((c) => code.includes(c))) this.onAuthFailed();
    };
    client.onWebSocketClose = () => {
      this.subscriptions.clear();
      this.failAll();
      this.setState(this.client === client && client.active ? 'connecting' : 'offline');
    };
    client.beforeConnect = () => {
      this.setState('connecting');
    };
    this.client = client;
    client.activate();
  }

  disconnect(): void {
    const c = this.client;
    this.client = null;
    this.subscriptions.clear();
    this.failAll();
    if (c) void c.deactivate();
    this.setState('offline');
  }

  get connected(): boolean {
    return !!this.client?.connected;
  }

  /** Subscribes (once per destination) and resolves when the hub confirms the subscription is live. */
  subscribe(destination: string): Promise<void> {
    const client = this.client;
    if (!client?.connected) return Promise.reject(new ApiError('disconnected', 'Not connected'));
    if (this.subscriptions.has(destination)) return Promise.resolve();
    const receipt = this.nextId('sub');
    const done = this.awaitReceipt(client, receipt);
    this.subscriptions.set(destination, client.subscribe(destination, (m) => this.onFrame(m.headers.destination ?? destination, m.body), { receipt }));
    return done;
  }

  unsubscribe(destination: string): void {
    this.subscriptions.get(destination)?.unsubscribe();
    this.subscriptions.delete(destination);
  }

  /** Sends with a receipt header: resolves once the hub has durably done it, rejects with its refusal. */
  send(destination: string, body: unknown): Promise<void> {
    const client = this.client;
    if (!client?.connected) return Promise.reject(new ApiError('disconnected', 'Not connected'));
    const receipt = this.nextId('send');
    const done = this.awaitReceipt(client, receipt);
    try {
      client.publish({ destination, body: JSON.stringify(body), headers: { receipt, 'content-type': 'application/json' } });
    } catch {
      this.waiting.get(receipt)?.reject(new ApiError('disconnected', 'Not connected'));
      this.waiting.delete(receipt);
    }
    return done;
  }

  /** Fire and forget (typing, presence, read markers). */
  publish(destination: string, body: unknown): void {
    if (this.client?.connected) this.client.publish({ destination, body: JSON.stringify(body) });
  }

  /** An error event from /user/queue/errors: fails the matching SEND. */
  rejectReceipt(error: ErrorEvent): boolean {
    if (!error.receiptId) return false;
    const w = this.waiting.get(error.receiptId);
    if (!w) return false;
    this.waiting.delete(error.receiptId);
    w.reject(new ApiError(error.code, error.message));
    return true;
  }

  private awaitReceipt(client: Client, receipt: string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.set(receipt, { resolve, reject });
      client.watchForReceipt(receipt, () => {
        this.waiting.delete(receipt);
        resolve();
      });
    });
  }

  private failAll(): void {
    const all = [...this.waiting.values()];
    this.waiting.clear();
    for (const w of all) w.reject(new ApiError('disconnected', 'The connection was lost'));
  }

  private nextId(prefix: string): string {
    return `${prefix}-${++this.counter}-${Math.random().toString(36).slice(2, 8)}`;
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.onState(state);
  }
}
