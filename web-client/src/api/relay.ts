// The content relay's wire types and REST calls (docs/api.md, "Content relay").
import type { RestClient } from './rest';

export type RelayStatus = 'PROPOSED' | 'CHANGES_REQUESTED' | 'SCHEDULED' | 'HELD' | 'DUE' | 'POSTED' | 'REJECTED';
export type TargetKind = 'ALL' | 'REGION' | 'LIST';
export type AckState = 'READ' | 'RELAYED';
export type Escalation = 'none' | 'reminder' | 'dm' | 'hq';

export interface RelayTarget {
  kind: TargetKind;
  region?: string | null;
  federations: string[];
}

export interface HistoryEntry {
  at: string;
  by: { id: string; username: string };
  action: string;
  comment?: string | null;
}

export interface RelayItem {
  id: string;
  status: RelayStatus;
  author: { id: string; username: string };
  authorFederation?: string | null;
  text: string;
  visuals: string[];
  links: string[];
  target: RelayTarget;
  wishedAt?: string | null;
  scheduledAt?: string | null;
  consigne?: { requires: AckState; deadline: string } | null;
  channelIds: string[];
  history: HistoryEntry[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** What a proposer writes (POST and PUT /relay/items). */
export interface RelayDraft {
  text: string;
  visuals: string[];
  links: string[];
  target: RelayTarget;
  wishedAt?: string | null;
}

export interface Approval {
  at?: string;
  consigne?: { requires: AckState; deadline?: string };
}

export interface FederationFigures {
  federation: string;
  name: string;
  channelId: string;
  delivered: boolean;
  messageId?: string | null;
  deliveredAt?: string | null;
  readers: number;
  reactions: number;
  replies: number;
  ack?: AckState | null;
  ackedBy?: string | null;
  ackedAt?: string | null;
  escalation: Escalation;
}

export interface RelayTotals {
  federations: number;
  delivered: number;
  readers: number;
  reactions: number;
  replies: number;
  acknowledged: number;
  relayed: number;
}

export interface RelayFigures {
  item: RelayItem;
  totals: RelayTotals;
  federations: FederationFigures[];
}

export interface Slots {
  timeZone: string;
  slots: string[];
  next: string;
}

export interface Blackout {
  id: string;
  from: string;
  to: string;
  reason: string;
  createdBy?: string | null;
}

export interface Federation {
  code: string;
  name: string;
  region: string;
  channelId: string;
}

/** Events of /topic/relay (national staff only). */
export type RelayFrame =
  | { type: 'relay.item.changed'; item: RelayItem }
  | { type: 'relay.delivered'; itemId: string; federation: string; channelId: string; delivered: number; total: number }
  | { type: 'consigne.acked'; itemId: string; federation: string; state: AckState; by: string }
  | { type: 'consigne.escalated'; itemId: string; federation: string; stage: Escalation };

export const RELAY_TOPIC = '/topic/relay';
export const RELAY_EVENT_TYPES = new Set(['relay.item.changed', 'relay.delivered', 'consigne.acked', 'consigne.escalated']);

const BASE = '/api/v1/relay';
const enc = encodeURIComponent;

/** The relay's REST calls, through the app's {@link RestClient} (same token, same errors). */
export class RelayApi {
  constructor(private readonly rest: RestClient) {}

  items(statuses: readonly RelayStatus[], mine: boolean) {
    return this.rest.request<RelayItem[]>('GET', `${BASE}/items?status=${statuses.join(',')}&mine=${mine}`);
  }
  item(id: string) { return this.rest.request<RelayItem>('GET', `${BASE}/items/${enc(id)}`); }
  propose(draft: RelayDraft) { return this.rest.request<RelayItem>('POST', `${BASE}/items`, draft); }
  edit(id: string, draft: RelayDraft) { return this.rest.request<RelayItem>('PUT', `${BASE}/items/${enc(id)}`, draft); }
  comment(id: string, text: string) { return this.rest.request<RelayItem>('POST', `${BASE}/items/${enc(id)}/comments`, { text }); }
  requestChanges(id: string, text: string) {
    return this.rest.request<RelayItem>('POST', `${BASE}/items/${enc(id)}/request-changes`, { text });
  }
  approve(id: string, body: Approval) { return this.rest.request<RelayItem>('POST', `${BASE}/items/${enc(id)}/approve`, body); }
  reject(id: string, text?: string) { return this.rest.request<RelayItem>('POST', `${BASE}/items/${enc(id)}/reject`, { text }); }
  release(id: string, at?: string) { return this.rest.request<RelayItem>('POST', `${BASE}/items/${enc(id)}/release`, { at }); }
  figures(id: string) { return this.rest.request<RelayFigures>('GET', `${BASE}/items/${enc(id)}/figures`); }
  acknowledge(id: string, state: AckState, federation?: string) {
    return this.rest.request<unknown>('POST', `${BASE}/items/${enc(id)}/acks`, { state, federation });
  }
  slots() { return this.rest.request<Slots>('GET', `${BASE}/slots`); }
  blackouts() { return this.rest.request<Blackout[]>('GET', `${BASE}/blackouts`); }
  activeBlackout() { return this.rest.request<{ active: boolean; until?: string; reason?: string }>('GET', `${BASE}/blackouts/active`); }
  addBlackout(from: string, to: string, reason: string) {
    return this.rest.request<Blackout>('POST', `${BASE}/blackouts`, { from, to, reason });
  }
  deleteBlackout(id: string) { return this.rest.request<void>('DELETE', `${BASE}/blackouts/${enc(id)}`); }
  federations() { return this.rest.request<Federation[]>('GET', '/api/v1/federations'); }
}
