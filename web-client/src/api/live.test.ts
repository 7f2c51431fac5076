import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveConnection } from './live';

/**
 * A scripted stand-in for the browser's WebSocket (the network, not the client): stomp.js itself runs
 * for real. Under load the hub writes the frames waiting for a socket as one WebSocket message; the
 * client must read every frame of such a message, in order.
 */
class ScriptedSocket {
  static last: ScriptedSocket | null = null;
  readyState = 0;
  binaryType = 'blob';
  protocol = 'v12.stomp';
  readonly sent: string[] = [];
  onopen: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: unknown) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;

  constructor(readonly url: string) {
    ScriptedSocket.last = this;
    queueMicrotask(() => {
      this.readyState = 1;
      this.onopen?.({});
    });
  }

  send(data: string): void {
    this.sent.push(data);
  }

  close(): void {
    this.readyState = 3;
    this.onclose?.({ code: 1000, reason: '', wasClean: true });
  }

  receive(data: string): void {
    this.onmessage?.({ data });
  }
}

const frame = (command: string, headers: Record<string, string>, body = '') =>
  `${command}\n${Object.entries(headers).map(([k, v]) => `${k}:${v}`).join('\n')}\n\n${body}\u0000`;

describe('LiveConnection', () => {
  const original = (globalThis as { WebSocket?: unknown }).WebSocket;
  beforeEach(() => {
    (globalThis as { WebSocket?: unknown }).WebSocket = ScriptedSocket;
  });
  afterEach(() => {
    (globalThis as { WebSocket?: unknown }).WebSocket = original;
  });

  it('reads every frame of a message carrying several, in order', async () => {
    const live = new LiveConnection('ws://hub.test/ws');
    const frames: string[] = [];
    live.onFrame = (destination, body) => frames.push(`${destination} ${body}`);
    live.connect('token');
    await vi.waitFor(() => expect(ScriptedSocket.last?.sent.some((s) => s.startsWith('CONNECT'))).toBe(true));
    const socket = ScriptedSocket.last!;
    socket.receive(frame('CONNECTED', { version: '1.2', 'heart-beat': '0,0' }));
    await vi.waitFor(() => expect(live.connected).toBe(true));

    const subscribed = live.subscribe('/topic/channels.fed-29');
    const subscribe = socket.sent.find((s) => s.startsWith('SUBSCRIBE'))!;
    const header = (name: string) => subscribe.match(new RegExp(`\n${name}:([^\n]*)`))![1];
    const message = (n: number) =>
      frame('MESSAGE', { destination: '/topic/channels.fed-29', subscription: header('id'), 'message-id': `m${n}`,
        'content-type': 'application/json' }, `{"seq":${n}}`);
    // The receipt and three events in one WebSocket message, as the hub writes them when behind.
    socket.receive(frame('RECEIPT', { 'receipt-id': header('receipt') }) + message(1) + message(2) + message(3));

    await subscribed;
    expect(frames).toEqual([1, 2, 3].map((n) => `/topic/channels.fed-29 {"seq":${n}}`));
    live.disconnect();
  });
});
