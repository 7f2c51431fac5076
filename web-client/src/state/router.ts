import { LIVE_TYPES, MEETING_EVENT_TYPES, type LiveFrame } from '../api/meetings';
import type { WebhookFailed } from '../api/bots';
import { RELAY_EVENT_TYPES, RELAY_TOPIC, type RelayFrame } from '../api/relay';
import type { CommandReply } from './relay/commands';
import type { SupportFrame } from '../api/support';
import type { ChannelEvent, ErrorEvent, PersonalNotification, PresenceEvent, TypingEvent } from '../api/types';

export interface EventHandlers {
  channelEvent(event: ChannelEvent): void;
  typing(event: TypingEvent): void;
  notification(event: PersonalNotification): void;
  error(event: ErrorEvent): void;
  presence(event: PresenceEvent): void;
  /** Support line: ticket events and viewers (/topic/support.*), and support.mention notifications. */
  support?(event: SupportFrame, destination: string): void;
  /** Meetings and live sessions: /topic/live.<channelId>, and meeting.* events of the personal queue. */
  meetings?(event: LiveFrame, destination: string): void;
  /** Content relay: /topic/relay (national staff); webhook.failed for bot owners; command.reply for a command's caller. */
  relay?(event: RelayFrame | WebhookFailed | CommandReply): void;
}

const CHANNEL_EVENT_TYPES = new Set(['message.created', 'message.updated', 'message.deleted', 'reaction.changed']);

/** The client's one event router: every STOMP MESSAGE goes through here to exactly one handler. */
export function routeFrame(destination: string, body: string, handlers: EventHandlers): boolean {
  let event: { type?: string; channelId?: string };
  try {
    event = JSON.parse(body) as { type?: string };
  } catch {
    return false;
  }
  if (destination.startsWith('/topic/channels.')) {
    const channelId = destination.slice('/topic/channels.'.length);
    if (event.channelId && event.channelId !== channelId) return false;
    if (event.type === 'typing') handlers.typing(event as TypingEvent);
    else if (event.type && CHANNEL_EVENT_TYPES.has(event.type)) handlers.channelEvent(event as ChannelEvent);
    else return false;
    return true;
  }
  if (destination.startsWith('/topic/support.') || (destination.endsWith('/queue/events') && event.type === 'support.mention')) {
    if (!handlers.support || typeof event.type !== 'string') return false;
    handlers.support(event as SupportFrame, destination);
    return true;
  }
  if ((destination.startsWith('/topic/live.') && (LIVE_TYPES.has(event.type ?? '') || MEETING_EVENT_TYPES.has(event.type ?? '')))
    || (destination.endsWith('/queue/events') && MEETING_EVENT_TYPES.has(event.type ?? ''))) {
    if (!handlers.meetings) return false;
    handlers.meetings(event as LiveFrame, destination);
    return true;
  }
  if ((destination === RELAY_TOPIC && RELAY_EVENT_TYPES.has(event.type ?? ''))
    || (destination.endsWith('/queue/events') && (event.type === 'webhook.failed' || event.type === 'command.reply'))) {
    if (!handlers.relay) return false;
    handlers.relay(event as RelayFrame | WebhookFailed | CommandReply);
    return true;
  }
  if (destination === '/topic/presence' && event.type === 'presence') {
    handlers.presence(event as PresenceEvent);
    return true;
  }
  if (destination.endsWith('/queue/errors') && event.type === 'error') {
    handlers.error(event as ErrorEvent);
    return true;
  }
  if (destination.endsWith('/queue/events') && (event.type === 'mention' || event.type === 'direct.message')) {
    handlers.notification(event as PersonalNotification);
    return true;
  }
  return false;
}
