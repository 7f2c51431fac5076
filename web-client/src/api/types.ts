// Wire types of the hub's REST and STOMP contract (docs/api.md).

export type ChannelKind = 'FEDERATION' | 'NATIONAL' | 'PRIVATE' | 'DIRECT';

export interface UserRef {
  id: string;
  username: string;
  displayName: string;
  bot: boolean;
}

export interface User extends UserRef {
  federation?: string;
  roles: string[];
}

export interface ChannelSummary {
  id: string;
  kind: ChannelKind;
  name: string;
  topic: string;
  federation?: string;
  readOnly: boolean;
  memberIds: string[];
  lastSeq: number;
  lastReadSeq: number;
  unreadCount: number;
  mentionCount: number;
}

export interface Attachment {
  id: string;
  name: string;
  contentType: string;
  size: number;
}

export interface Message {
  id: string;
  channelId: string;
  seq: number;
  threadId?: string | null;
  author: UserRef;
  text: string;
  clientMessageId: string;
  createdAt: string;
  editedAt?: string | null;
  deleted: boolean;
  pinned: boolean;
  reactions: Record<string, string[]>;
  mentions: string[];
  mentionsChannel: boolean;
  replyCount: number;
  attachments?: Attachment[];
}

export type ChannelEventType = 'message.created' | 'message.updated' | 'message.deleted' | 'reaction.changed';

/** A channel event: the message's fields flattened beside the event's own seq and type. */
export interface ChannelEvent extends Omit<Message, 'seq'> {
  type: ChannelEventType;
  seq: number;
  messageSeq: number;
}

export interface EventPage {
  events: ChannelEvent[];
  lastSeq: number;
  hasMore: boolean;
}

export interface TypingEvent {
  type: 'typing';
  channelId: string;
  threadId?: string | null;
  user: UserRef;
}

export interface PersonalNotification {
  type: 'mention' | 'direct.message';
  channelId: string;
  channelName: string;
  seq: number;
  messageId: string;
  threadId?: string | null;
  author: UserRef;
  excerpt: string;
}

export interface PresenceEvent {
  type: 'presence';
  userId: string;
  status: 'online' | 'away' | 'offline';
}

export interface ErrorEvent {
  type: 'error';
  code: string;
  message: string;
  receiptId?: string;
  clientMessageId?: string;
}

export interface FileInfo extends Attachment {
  url: string;
  urlExpiresAt: string;
}

export interface FileLimits {
  maxImageBytes: number;
  maxDocumentBytes: number;
  maxVideoBytes: number;
  maxPerMessage: number;
}

export function messageOf(e: ChannelEvent): Message {
  const { type: _type, messageSeq, seq: _seq, ...rest } = e;
  return { ...rest, seq: messageSeq };
}
