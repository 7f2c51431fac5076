import type { SupportConfig, Ticket, TicketEvent, TicketPost } from '../../api/support';

export const alice = { id: 'u-alice', username: 'alice', displayName: 'Alice Le Goff', bot: false };
export const bob = { id: 'u-bob', username: 'hq-bob', displayName: 'Bob (siège)', bot: false };
export const carla = { id: 'u-carla', username: 'hq-carla', displayName: 'Carla (siège)', bot: false };

export const config: SupportConfig = {
  categories: [{ id: 'tools-and-accounts', queue: 'digital' }, { id: 'equipment', queue: 'logistics' }],
  queues: ['digital', 'logistics'],
  urgencies: ['low', 'normal', 'high', 'urgent'],
  statuses: ['new', 'open', 'waiting_on_requester', 'resolved', 'closed'],
  targets: {
    urgent: { firstResponseSeconds: 3600, resolutionSeconds: 8 * 3600 },
    normal: { firstResponseSeconds: 8 * 3600, resolutionSeconds: 72 * 3600 },
  },
  reopenWindowSeconds: 7 * 86_400,
  autoCloseAfterSeconds: 7 * 86_400,
  canOpen: false,
  staff: true,
};

const T0 = Date.UTC(2026, 10, 21, 9, 0);
export const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

/** A ticket in the staff projection (all fields), opened `minute` minutes after 9:00. */
export function ticket(n: number, over: Partial<Ticket> = {}): Ticket {
  return {
    id: `t${n}`, number: n, view: 'staff', federation: '29', requester: alice, subject: `Sujet ${n}`,
    description: 'Bonjour', category: 'tools-and-accounts', urgency: 'normal', status: 'new', assignee: null,
    attachments: [], createdAt: at(n), updatedAt: at(n), firstResponseAt: null, resolvedAt: null, closedAt: null,
    reopenableUntil: null, satisfaction: null, history: [{ at: at(n), actor: alice, action: 'opened' }],
    priority: 'normal', queue: 'digital', waitingSince: at(n), version: 1,
    sla: { paused: false, firstResponseDueAt: at(n + 480), resolutionDueAt: at(n + 4320), firstResponseBreached: false,
      resolutionBreached: false, firstResponseSeconds: null, resolutionSeconds: null },
    ...over,
  };
}

export function post(id: string, ticketId: string, over: Partial<TicketPost> = {}): TicketPost {
  return {
    id, ticketId, visibility: 'public', author: bob, fromStaff: true, text: `réponse ${id}`, attachments: [], mentions: [],
    clientMessageId: `c-${id}`, createdAt: at(30), ...over,
  };
}

export function event(type: TicketEvent['type'], t: Ticket, over: Partial<TicketEvent> = {}): TicketEvent {
  return { type, ticketId: t.id, number: t.number, at: t.updatedAt, actor: bob, ticket: t, ...over };
}
