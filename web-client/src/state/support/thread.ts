import type { SlaTimerName, Ticket, TicketEvent, TicketPost, ViewersEvent } from '../../api/support';
import type { UserRef } from '../../api/types';
import { isOlder } from './queue';

export type Audience = 'staff' | 'requester';

/** Events that only ever exist on staff topics; a requester's thread ignores them whatever arrives. */
const STAFF_ONLY_EVENTS = new Set(['note.posted', 'ticket.transferred', 'ticket.priority_changed', 'sla.at_risk', 'sla.breached']);

/**
 * The requester side never keeps a staff-only field, even if one reached it: the hub already sends the
 * requester projection, this is the client's own belt and braces.
 */
export function requesterSafe(t: Ticket): Ticket {
  const { priority: _p, queue: _q, waitingSince: _w, sla: _s, version: _v, ...rest } = t;
  const publicActions = new Set(['opened', 'claimed', 'assigned', 'status', 'rated']);
  return { ...rest, view: 'requester', history: rest.history.filter((h) => publicActions.has(h.action)) };
}

/**
 * One open ticket: the ticket, its conversation, who is viewing it, and live SLA alerts. The view subscribes
 * first, then loads: events that arrive before the load are buffered and applied after it, posts are
 * deduplicated by id, and the ticket is replaced by every event's newer projection.
 *
 * A requester's thread shows public posts only and a ticket without staff fields, whatever it is given.
 */
export class TicketThread {
  ticket: Ticket | null = null;
  posts: TicketPost[] = [];
  viewers: UserRef[] = [];
  /** Timers the hub has flagged (at risk or breached) since the ticket was opened here. */
  alerts = new Map<SlaTimerName, 'at_risk' | 'breached'>();
  loaded = false;
  private buffer: (TicketEvent | ViewersEvent)[] = [];

  constructor(readonly ticketId: string, readonly audience: Audience) {}

  /** The topic to subscribe to: the staff topic carries everything, the public one what requesters may see. */
  get topic(): string {
    return `/topic/support.tickets.${this.ticketId}${this.audience === 'staff' ? '.staff' : ''}`;
  }

  load(ticket: Ticket, posts: TicketPost[], viewers?: UserRef[]): void {
    this.setTicket(ticket, true);
    this.posts = [];
    for (const p of posts) this.addPost(p);
    if (viewers) this.viewers = viewers;
    this.loaded = true;
    const buffered = this.buffer;
    this.buffer = [];
    for (const e of buffered) this.apply(e);
  }

  /** Applies a live event of this ticket; returns whether anything shown changed. */
  apply(event: TicketEvent | ViewersEvent): boolean {
    if (event.ticketId !== this.ticketId) return false;
    if (!this.loaded) {
      this.buffer.push(event);
      return false;
    }
    if (event.type === 'ticket.viewers') {
      this.viewers = event.viewers;
      return true;
    }
    if (this.audience === 'requester' && STAFF_ONLY_EVENTS.has(event.type)) return false;
    let changed = false;
    if (event.ticket) changed = this.setTicket(event.ticket, false);
    if (event.post) changed = this.addPost(event.post) || changed;
    if ((event.type === 'sla.at_risk' || event.type === 'sla.breached') && event.timer) {
      const level = event.type === 'sla.breached' ? 'breached' : 'at_risk';
      if (this.alerts.get(event.timer) !== 'breached') this.alerts.set(event.timer, level);
      changed = true;
    }
    return changed;
  }

  /** A post the user just sent (from the REST answer), in case its event is slower. */
  addPost(post: TicketPost): boolean {
    if (post.ticketId !== this.ticketId) return false;
    if (this.audience === 'requester' && post.visibility !== 'public') return false;
    if (this.posts.some((p) => p.id === post.id)) return false;
    this.posts = [...this.posts, post].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
    return true;
  }

  /** Replaces the ticket unless the given projection is older than the one shown. */
  setTicket(ticket: Ticket, force = false): boolean {
    if (ticket.id !== this.ticketId) return false;
    if (!force && this.ticket && isOlder(ticket, this.ticket)) return false;
    this.ticket = this.audience === 'requester' ? requesterSafe(ticket) : ticket;
    return true;
  }

  /** The SLA timers flagged at risk by the hub (for the countdown's highlight). */
  atRisk(): Set<SlaTimerName> {
    return new Set([...this.alerts.entries()].filter(([, v]) => v === 'at_risk').map(([k]) => k));
  }
}
