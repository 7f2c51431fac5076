// The support line's wire types and REST calls (docs/api.md, "Support line").
import type { RestClient } from './rest';
import type { Attachment, UserRef } from './types';

export type TicketStatus = 'new' | 'open' | 'waiting_on_requester' | 'resolved' | 'closed';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type TicketSort = 'waiting' | 'priority' | 'created' | 'updated';
export type SlaTimerName = 'first_response' | 'resolution';

export const ACTIVE_STATUSES: readonly TicketStatus[] = ['new', 'open', 'waiting_on_requester'];
export const PRIORITIES: readonly Priority[] = ['low', 'normal', 'high', 'urgent'];

export interface SupportConfig {
  categories: { id: string; queue: string }[];
  queues: string[];
  urgencies: Priority[];
  statuses: TicketStatus[];
  targets: Partial<Record<Priority, { firstResponseSeconds: number; resolutionSeconds: number }>>;
  reopenWindowSeconds: number;
  autoCloseAfterSeconds: number;
  canOpen: boolean;
  staff: boolean;
}

export interface Satisfaction {
  rating: number;
  comment?: string | null;
  ratedBy: UserRef;
  ratedAt: string;
}

export interface Transition {
  at: string;
  actor?: UserRef | null;
  action: string;
  from?: string | null;
  to?: string | null;
}

/** Staff only: the response-time clock. */
export interface SlaClock {
  paused: boolean;
  firstResponseDueAt?: string | null;
  resolutionDueAt?: string | null;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
  firstResponseSeconds?: number | null;
  resolutionSeconds?: number | null;
}

/** A ticket as one audience sees it; the last five fields only exist in the staff projection. */
export interface Ticket {
  id: string;
  number: number;
  view: 'staff' | 'requester';
  federation: string;
  requester: UserRef;
  subject: string;
  description: string;
  category: string;
  urgency: Priority;
  status: TicketStatus;
  assignee?: UserRef | null;
  attachments: Attachment[];
  createdAt: string;
  updatedAt: string;
  firstResponseAt?: string | null;
  resolvedAt?: string | null;
  closedAt?: string | null;
  reopenableUntil?: string | null;
  satisfaction?: Satisfaction | null;
  history: Transition[];
  priority?: Priority | null;
  queue?: string | null;
  waitingSince?: string | null;
  sla?: SlaClock | null;
  version?: number | null;
}

export interface TicketPost {
  id: string;
  ticketId: string;
  visibility: 'public' | 'internal';
  author: UserRef;
  fromStaff: boolean;
  text: string;
  attachments: Attachment[];
  mentions: string[];
  clientMessageId?: string | null;
  createdAt: string;
}

export type TicketEventType = 'ticket.opened' | 'ticket.claimed' | 'ticket.assigned' | 'ticket.transferred'
  | 'ticket.priority_changed' | 'ticket.status_changed' | 'ticket.updated' | 'reply.posted' | 'note.posted'
  | 'ticket.rated' | 'sla.at_risk' | 'sla.breached';

export interface TicketEvent {
  type: TicketEventType;
  ticketId: string;
  number: number;
  at: string;
  actor?: UserRef | null;
  ticket: Ticket;
  post?: TicketPost | null;
  from?: string | null;
  to?: string | null;
  timer?: SlaTimerName | null;
  dueAt?: string | null;
}

export interface ViewersEvent {
  type: 'ticket.viewers';
  ticketId: string;
  viewers: UserRef[];
}

export interface SupportMention {
  type: 'support.mention';
  ticketId: string;
  number: number;
  subject: string;
  noteId: string;
  author: UserRef;
  excerpt: string;
}

/** Any support frame: ticket events and viewers on the support topics, mentions on /user/queue/events. */
export type SupportFrame = TicketEvent | ViewersEvent | SupportMention;

export interface QueueCount {
  total: number;
  unassigned: number;
  breached: number;
  byStatus: Record<string, number> | null;
}

export interface QueueCounts {
  active: number;
  queues: Record<string, QueueCount>;
}

/** Null figures are left out of the JSON by the hub: absent means "no sample". */
export interface Times {
  count: number;
  medianSeconds?: number | null;
  p90Seconds?: number | null;
}

export interface Figures {
  opened: number;
  resolved: number;
  firstResponse: Times;
  resolution: Times;
  satisfaction: { count: number; average?: number | null; distribution: Record<string, number> };
}

export interface MetricsReport {
  from: string;
  to: string;
  truncated: boolean;
  overall: Figures;
  byFederation: Record<string, Figures>;
  byCategory: Record<string, Figures>;
  backlog: {
    total: number;
    truncated: boolean;
    byStatus: Record<string, number>;
    byFederation: Record<string, number>;
    byCategory: Record<string, number>;
  };
}

export interface CannedResponse {
  id: string;
  title: string;
  body: string;
  createdBy?: UserRef | null;
  updatedAt?: string | null;
}

export interface NewTicket {
  subject: string;
  description: string;
  category: string;
  urgency: Priority;
  attachmentIds: string[];
}

export interface ReplyBody {
  text?: string;
  cannedResponseId?: string;
  attachmentIds?: string[];
  clientMessageId: string;
  waitForRequester?: boolean;
}

/** Query parameters of GET /support/tickets and /support/queue; empty values are left out. */
export interface TicketListQuery {
  status?: readonly TicketStatus[];
  category?: string;
  priority?: string;
  federation?: string;
  queue?: string;
  assignee?: string;
  q?: string;
  sort?: TicketSort;
  limit?: number;
}

export function listQueryString(q: TicketListQuery): string {
  const params = new URLSearchParams();
  if (q.status?.length) params.set('status', q.status.join(','));
  for (const key of ['category', 'priority', 'federation', 'queue', 'assignee', 'q', 'sort'] as const) {
    const v = q[key];
    if (v) params.set(key, v);
  }
  if (q.limit) params.set('limit', String(q.limit));
  const s = params.toString();
  return s ? `?${s}` : '';
}

const BASE = '/api/v1/support';
const enc = encodeURIComponent;

/** The support line's REST calls, through the app's {@link RestClient} (same token, same errors). */
export class SupportApi {
  constructor(private readonly rest: RestClient) {}

  config() { return this.rest.request<SupportConfig>('GET', `${BASE}/config`); }
  tickets(q: TicketListQuery) { return this.rest.request<Ticket[]>('GET', `${BASE}/tickets${listQueryString(q)}`); }
  queue(q: TicketListQuery) { return this.rest.request<Ticket[]>('GET', `${BASE}/queue${listQueryString(q)}`); }
  counts() { return this.rest.request<QueueCounts>('GET', `${BASE}/queue/counts`); }
  ticket(id: string) { return this.rest.request<Ticket>('GET', `${BASE}/tickets/${enc(id)}`); }
  posts(id: string) { return this.rest.request<TicketPost[]>('GET', `${BASE}/tickets/${enc(id)}/posts`); }
  viewers(id: string) { return this.rest.request<{ ticketId: string; viewers: UserRef[] }>('GET', `${BASE}/tickets/${enc(id)}/viewers`); }
  open(body: NewTicket) { return this.rest.request<Ticket>('POST', `${BASE}/tickets`, body); }
  reply(id: string, body: ReplyBody) { return this.rest.request<TicketPost>('POST', `${BASE}/tickets/${enc(id)}/replies`, body); }
  note(id: string, text: string, clientMessageId: string) {
    return this.rest.request<TicketPost>('POST', `${BASE}/tickets/${enc(id)}/notes`, { text, clientMessageId });
  }
  claim(id: string) { return this.rest.request<Ticket>('POST', `${BASE}/tickets/${enc(id)}/claim`); }
  assign(id: string, assigneeId: string | null) {
    return this.rest.request<Ticket>('PUT', `${BASE}/tickets/${enc(id)}/assignee`, { assigneeId });
  }
  transfer(id: string, queue: string) { return this.rest.request<Ticket>('PUT', `${BASE}/tickets/${enc(id)}/queue`, { queue }); }
  prioritize(id: string, priority: Priority) {
    return this.rest.request<Ticket>('PUT', `${BASE}/tickets/${enc(id)}/priority`, { priority });
  }
  setStatus(id: string, status: TicketStatus) {
    return this.rest.request<Ticket>('PUT', `${BASE}/tickets/${enc(id)}/status`, { status });
  }
  reopen(id: string) { return this.rest.request<Ticket>('POST', `${BASE}/tickets/${enc(id)}/reopen`); }
  rate(id: string, rating: number, comment: string) {
    return this.rest.request<Ticket>('PUT', `${BASE}/tickets/${enc(id)}/satisfaction`, { rating, comment: comment || undefined });
  }
  cannedResponses() { return this.rest.request<CannedResponse[]>('GET', `${BASE}/canned-responses`); }
  createCanned(title: string, body: string) {
    return this.rest.request<CannedResponse>('POST', `${BASE}/canned-responses`, { title, body });
  }
  deleteCanned(id: string) { return this.rest.request<void>('DELETE', `${BASE}/canned-responses/${enc(id)}`); }
  renderCanned(ticketId: string, cannedId: string) {
    return this.rest.request<{ text: string }>('GET', `${BASE}/tickets/${enc(ticketId)}/canned-responses/${enc(cannedId)}`);
  }
  metrics(q: { from: string; to: string; federation?: string; category?: string }) {
    const p = new URLSearchParams({ from: q.from, to: q.to });
    if (q.federation) p.set('federation', q.federation);
    if (q.category) p.set('category', q.category);
    return this.rest.request<MetricsReport>('GET', `${BASE}/metrics?${p.toString()}`);
  }
}
