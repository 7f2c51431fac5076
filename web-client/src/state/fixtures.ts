import type { ChannelEvent, Message } from '../api/types';

export const alice = { id: 'u-alice', username: 'alice', displayName: 'Alice Le Goff', bot: false };
export const bruno = { id: 'u-bruno', username: 'bruno', displayName: 'Bruno Kerjean', bot: false };

export function message(seq: number, over: Partial<Message> = {}): Message {
  return {
    id: `m${seq}`, channelId: 'fed-29', seq, threadId: null, author: alice, text: `message ${seq}`,
    clientMessageId: `c${seq}`, createdAt: new Date(Date.UTC(2026, 2, 3, 10, seq)).toISOString(), editedAt: null,
    deleted: false, pinned: false, reactions: {}, mentions: [], mentionsChannel: false, replyCount: 0, ...over,
  };
}

export function created(seq: number, over: Partial<Message> = {}): ChannelEvent {
  const m = message(seq, over);
  return { ...m, type: 'message.created', seq, messageSeq: m.seq };
}

export function updated(seq: number, of: Message, over: Partial<Message> = {}, type: ChannelEvent['type'] = 'message.updated'): ChannelEvent {
  return { ...of, ...over, type, seq, messageSeq: of.seq };
}
