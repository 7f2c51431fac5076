import {
  ACTIVE_STATUSES, PRIORITIES, type Priority, type Ticket, type TicketEvent, type TicketListQuery, type TicketSort,
  type TicketStatus,
} from '../../api/support';

/**
 * What the staff console's queue shows. The same filter goes to `GET /support/queue` and is applied
 * again, client-side, to every live event's ticket, so the list stays what the hub would answer now.
 */
export interface QueueFilter {
  statuses: TicketStatus[];
  category: string;
  priority: '' | Priority;
  federation: string;
  queue: string;
  /** '' (anyone), 'me', 'none' (unassigned) or a staff id. */
  assignee: string;
  sort: TicketSort;
}

export const DEFAULT_QUEUE_FILTER: QueueFilter = {
  statuses: [...ACTIVE_STATUSES], category: '', priority: '', federation: '', queue: '', assignee: '', sort: 'waiting',
};

export function queueQuery(f: QueueFilter, limit = 200): TicketListQuery {
  return {
    status: f.statuses, category: f.category, priority: f.priority, federation: f.federation.trim().toUpperCase(),
    queue: f.queue, assignee: f.assignee, sort: f.sort, limit,
  };
}

/** Whether the ticket belongs in a list with this filter (`meId`: who "me" is). */
export function matchesFilter(t: Ticket, f: QueueFilter, meId: string): boolean {
  if (f.statuses.length && !f.statuses.includes(t.status)) return false;
  if (f.category && t.category !== f.category) return false;
  if (f.priority && t.priority !== f.priority) return false;
  if (f.federation.trim() && t.federation.toUpperCase() !== f.federation.trim().toUpperCase()) return false;
  if (f.queue && t.queue !== f.queue) return false;
  if (f.assignee === 'none' && t.assignee) return false;
  if (f.assignee === 'me' && t.assignee?.id !== meId) return false;
  if (f.assignee && f.assignee !== 'none' && f.assignee !== 'me' && t.assignee?.id !== f.assignee) return false;
  return true;
}

function rank(p: Priority | null | undefined): number {
  return p ? PRIORITIES.indexOf(p) : -1;
}

const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.POSITIVE_INFINITY);

/**
 * The hub's orders (TicketQuery.Sort): waiting = longest-waiting first, tickets waiting on the
 * requester last; priority = most pressing first, then oldest; created and updated = newest first.
 */
export function compareTickets(sort: TicketSort): (a: Ticket, b: Ticket) => number {
  switch (sort) {
    case 'waiting':
      return (a, b) => time(a.waitingSince) - time(b.waitingSince) || Date.parse(a.createdAt) - Date.parse(b.createdAt);
    case 'priority':
      return (a, b) => rank(b.priority) - rank(a.priority) || Date.parse(a.createdAt) - Date.parse(b.createdAt);
    case 'created':
      return (a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt);
    case 'updated':
      return (a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt);
  }
}

export function sortTickets(list: readonly Ticket[], sort: TicketSort): Ticket[] {
  return [...list].sort(compareTickets(sort));
}

/**
 * A list after a live event: the event's ticket replaces the one with its id (a stale version never
 * replaces a newer one), is inserted if it now matches, or leaves if it no longer does.
 */
export function applyToList(list: readonly Ticket[], event: TicketEvent, keep: (t: Ticket) => boolean,
  sort: TicketSort): Ticket[] {
  const incoming = event.ticket;
  if (!incoming) return [...list];
  const current = list.find((t) => t.id === incoming.id);
  if (current && isOlder(incoming, current)) return [...list];
  const rest = list.filter((t) => t.id !== incoming.id);
  return keep(incoming) ? sortTickets([...rest, incoming], sort) : rest;
}

/** A ticket known to be older than one already shown (staff projections carry a version; otherwise updatedAt). */
export function isOlder(incoming: Ticket, current: Ticket): boolean {
  if (incoming.version != null && current.version != null) return incoming.version < current.version;
  return Date.parse(incoming.updatedAt) < Date.parse(current.updatedAt);
}

/** Seconds the requester side has been waiting for staff, or null when the ball is on their side. */
export function waitingSeconds(t: Ticket, now: number): number | null {
  if (t.waitingSince) return Math.max(0, Math.floor((now - Date.parse(t.waitingSince)) / 1000));
  return null;
}

/**
 * The requester side's waiting time, rebuilt from the public history the way the hub keeps waitingSince
 * (a staff-only field): since the ticket was opened, or came back to HQ from "waiting on requester" or
 * "resolved"; null while the ball is on the requester's side or the ticket is done.
 */
export function requesterWaitingSeconds(t: Ticket, now: number): number | null {
  if (t.status !== 'new' && t.status !== 'open') return null;
  const answers = t.history.filter((h) => h.action === 'status' && h.to === 'open'
    && (h.from === 'waiting_on_requester' || h.from === 'resolved')).map((h) => Date.parse(h.at));
  const since = Math.max(Date.parse(t.createdAt), ...answers);
  return Math.max(0, Math.floor((now - since) / 1000));
}

/** "3 min", "2 h 05", "4 j" — compact durations for lists and timers (units come from the catalogue). */
export function formatDuration(seconds: number, units: { s: string; min: string; h: string; d: string }): string {
  const s = Math.abs(Math.round(seconds));
  if (s < 60) return `${s} ${units.s}`;
  if (s < 3600) return `${Math.floor(s / 60)} ${units.min}`;
  if (s < 86_400) {
    const m = Math.floor((s % 3600) / 60);
    return `${Math.floor(s / 3600)} ${units.h}${m ? ` ${String(m).padStart(2, '0')}` : ''}`;
  }
  const h = Math.floor((s % 86_400) / 3600);
  return `${Math.floor(s / 86_400)} ${units.d}${h ? ` ${h} ${units.h}` : ''}`;
}
